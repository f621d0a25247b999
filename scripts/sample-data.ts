/**
 * The sample programme: South Staffordshire PCT's Organisational Development Plan 2008–2011
 * (../shared/seeds/004): its five programmes and fifteen priority actions with their leads,
 * milestones and timescales, the WCC panel's competency scores and targets, and a programme
 * risk log in the NHS 5×5 style. Progress, costs and risks are invented but plausible, and
 * the reporting date is set so that the checks have real things to say.
 */

export const PROGRAMME = "South Staffordshire PCT: Organisational Development Plan";
export const REPORTING_DATE = "2010-01-31";
/** The plan runs from the start of the 2009/10 financial year. */
const PLAN_START = "2009-04-01";

export const WS = {
  partnership: "Working in Partnership",
  leadership: "Leadership Development",
  quality: "Quality and Innovation",
  clinical: "Clinical Engagement",
  competencies: "Commissioning Competencies",
};

export interface SampleProject {
  id: string;
  name: string;
  workstream: string;
  lead: string;
  start: string;
  finish: string;
  baselineFinish: string;
  budget: number;
  forecast: number;
  actual: number;
  pct: number;
  status: string;
  rag: string;
  dependsOn: string;
  competencies: string;
  benefits: string;
}

const m = (months: number, from = PLAN_START): string => {
  const [y, mo] = from.split("-").map(Number);
  const total = y * 12 + (mo - 1) + months;
  const yy = Math.floor(total / 12);
  const mm = (total % 12) + 1;
  // last day of the month before (a "6 months" timescale from 1 April ends 30 September)
  const last = new Date(Date.UTC(yy, mm - 1, 0)).getUTCDate();
  const prevM = mm - 1 === 0 ? 12 : mm - 1;
  const prevY = mm - 1 === 0 ? yy - 1 : yy;
  return `${prevY}-${String(prevM).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
};

export const PROJECTS: SampleProject[] = [
  {
    id: "P01",
    name: "Establish OD Partnerships",
    workstream: WS.partnership,
    lead: "CEO/NED",
    start: PLAN_START,
    finish: m(12),
    baselineFinish: m(12),
    budget: 40000,
    forecast: 38000,
    actual: 26500,
    pct: 70,
    status: "In progress",
    rag: "Green",
    dependsOn: "",
    competencies: "C1, C2",
    benefits: "",
  },
  {
    id: "P02",
    name: "Improve local partnerships",
    workstream: WS.partnership,
    lead: "Locality Directors",
    start: PLAN_START,
    finish: m(12),
    baselineFinish: m(12),
    budget: 60000,
    forecast: 61000,
    actual: 41000,
    pct: 65,
    status: "In progress",
    rag: "Green",
    dependsOn: "",
    competencies: "C2",
    benefits: "B01",
  },
  {
    id: "P03",
    name: "Work with universities on workforce plans",
    workstream: WS.partnership,
    lead: "Head of Workforce",
    start: PLAN_START,
    finish: "2010-05-31",
    baselineFinish: m(12),
    budget: 85000,
    forecast: 88000,
    actual: 52000,
    pct: 55,
    status: "In progress",
    rag: "Amber",
    dependsOn: "",
    competencies: "C9",
    benefits: "",
  },
  {
    id: "P04",
    name: "Public Engagement programme",
    workstream: WS.partnership,
    lead: "Director Commissioning and Strategy",
    start: PLAN_START,
    finish: m(9),
    baselineFinish: m(9),
    budget: 45000,
    forecast: 47000,
    actual: 39000,
    pct: 80,
    status: "In progress",
    rag: "Green",
    dependsOn: "",
    competencies: "C3",
    benefits: "B02",
  },
  {
    id: "P05",
    name: "Team coaching and Patient Safety training for the Board",
    workstream: WS.leadership,
    lead: "Chairman/CEO",
    start: PLAN_START,
    finish: m(6),
    baselineFinish: m(6),
    budget: 30000,
    forecast: 29500,
    actual: 29500,
    pct: 100,
    status: "Complete",
    rag: "Blue",
    dependsOn: "",
    competencies: "C1",
    benefits: "",
  },
  {
    id: "P06",
    name: "Develop clinical leaders",
    workstream: WS.leadership,
    lead: "Medical Director",
    start: PLAN_START,
    finish: m(12),
    baselineFinish: m(12),
    budget: 70000,
    forecast: 72000,
    actual: 48000,
    pct: 60,
    status: "In progress",
    rag: "Green",
    dependsOn: "",
    competencies: "C4",
    benefits: "",
  },
  {
    id: "P07",
    name: "PCT talent management",
    workstream: WS.leadership,
    lead: "Director OD",
    start: "2009-07-01",
    finish: m(12),
    baselineFinish: m(12),
    budget: 55000,
    forecast: 55000,
    actual: 21000,
    pct: 40,
    status: "In progress",
    rag: "Green",
    dependsOn: "P03SS+40d",
    competencies: "C7",
    benefits: "",
  },
  {
    id: "P08",
    name: "Listening to the Patient Experience",
    workstream: WS.quality,
    lead: "Director Quality and Performance",
    start: PLAN_START,
    finish: m(12),
    baselineFinish: m(12),
    budget: 35000,
    forecast: 36000,
    actual: 24000,
    pct: 65,
    status: "In progress",
    rag: "Green",
    dependsOn: "P04SS",
    competencies: "C3, C8",
    benefits: "B02",
  },
  {
    id: "P09",
    name: "Build a culture of innovation",
    workstream: WS.quality,
    lead: "CEO/Directors",
    start: PLAN_START,
    finish: m(36),
    baselineFinish: m(36),
    budget: 120000,
    forecast: 126000,
    actual: 30000,
    pct: 25,
    status: "In progress",
    rag: "Green",
    dependsOn: "",
    competencies: "C8",
    benefits: "",
  },
  {
    id: "P10",
    name: "Commissioning skills programme for PBC",
    workstream: WS.clinical,
    lead: "Locality Directors",
    start: "2009-07-01",
    finish: m(12),
    baselineFinish: m(12),
    budget: 95000,
    forecast: 99000,
    actual: 60000,
    pct: 60,
    status: "In progress",
    rag: "Green",
    dependsOn: "P06SS+40d",
    competencies: "C4",
    benefits: "",
  },
  {
    id: "P11",
    name: "Establish clinical networks for quality",
    workstream: WS.clinical,
    lead: "Medical Director",
    start: PLAN_START,
    finish: m(6),
    baselineFinish: m(6),
    budget: 20000,
    forecast: 20000,
    actual: 20000,
    pct: 100,
    status: "Complete",
    rag: "Blue",
    dependsOn: "",
    competencies: "C4, C8",
    benefits: "",
  },
  {
    id: "P12",
    name: "Improve WCC competency assessment",
    workstream: WS.competencies,
    lead: "Director Commissioning and Strategy",
    start: PLAN_START,
    finish: m(36),
    baselineFinish: m(36),
    budget: 250000,
    forecast: 290000,
    actual: 140000,
    pct: 45,
    status: "In progress",
    rag: "Amber",
    dependsOn: "",
    competencies: "C5, C6",
    benefits: "B03",
  },
  {
    id: "P13",
    name: "Commissioning programme for all PCT staff",
    workstream: WS.competencies,
    lead: "Director Commissioning and Strategy",
    start: PLAN_START,
    finish: m(12),
    baselineFinish: m(12),
    budget: 110000,
    forecast: 112000,
    actual: 70000,
    pct: 50,
    status: "In progress",
    rag: "Green",
    dependsOn: "",
    competencies: "C5, C6, C9",
    benefits: "B04",
  },
  {
    id: "P14",
    name: "Critical employee pathways",
    workstream: WS.competencies,
    lead: "Head of Workforce",
    start: PLAN_START,
    finish: m(12),
    baselineFinish: m(12),
    budget: 40000,
    forecast: 41000,
    actual: 25000,
    pct: 55,
    status: "In progress",
    rag: "Green",
    dependsOn: "",
    competencies: "",
    benefits: "",
  },
  {
    id: "P15",
    name: "Staff management and leadership programmes",
    workstream: WS.competencies,
    lead: "Head of Workforce",
    start: PLAN_START,
    finish: m(12),
    baselineFinish: m(12),
    budget: 90000,
    forecast: 93000,
    actual: 47000,
    pct: 45,
    status: "In progress",
    rag: "Green",
    dependsOn: "",
    competencies: "C1, C4",
    benefits: "",
  },
];

export interface SampleMilestone {
  id: string;
  project: string;
  name: string;
  baseline: string;
  forecast: string;
  actual: string;
  status: string;
  owner: string;
  dependsOn: string;
  review: string;
}

const ms = (
  id: string,
  project: string,
  name: string,
  owner: string,
  months: number,
  extra: Partial<SampleMilestone> = {},
): SampleMilestone => ({
  id,
  project,
  name,
  baseline: m(months),
  forecast: "",
  actual: "",
  status: "Not started",
  owner,
  dependsOn: "",
  review: "",
  ...extra,
});

// From the plan's priority-action tables: milestone, lead, timescale (months from April 2009).
export const MILESTONES: SampleMilestone[] = [
  ms("M01", "P01", "Establish partnership with Rolls Royce on quality and best practice", "CEO/NED", 6, {
    actual: "2009-09-18",
    status: "Complete",
  }),
  ms("M02", "P01", "Develop OD programme with partner", "Director OD", 12, { status: "In progress" }),
  ms("M03", "P02", "Develop local partnership forums", "Locality Directors", 9, {
    actual: "2009-12-14",
    status: "Complete",
  }),
  ms("M04", "P02", "Develop neighbourhood focus", "Director Public Health", 9, {
    forecast: "2010-02-26",
    status: "In progress",
  }),
  ms("M05", "P02", "Engage partners in the Local Delivery Plan", "Director Commissioning and Strategy", 12, {
    status: "In progress",
  }),
  ms("M06", "P02", "Run health economy NEDs conference", "Chair/NEDs", 12),
  ms(
    "M07",
    "P02",
    "Forum of nurse directors extended to voluntary and independent sectors",
    "Director Quality and Performance",
    6,
    { actual: "2010-01-15", status: "Complete" },
  ),
  ms("M08", "P03", "Establish workforce development team with local university", "Head of Workforce", 6, {
    forecast: "2009-12-18",
    actual: "2009-12-18",
    status: "Complete",
  }),
  ms("M09", "P03", "Establish workforce partnership", "Head of Workforce", 6, {
    forecast: "2010-02-26",
    status: "In progress",
    dependsOn: "M08",
  }),
  ms("M10", "P03", "Enhance workforce planning capacity within the PCT", "Head of Workforce", 12, {
    forecast: "2010-05-31",
    status: "In progress",
    dependsOn: "M09",
  }),
  ms("M11", "P03", "Re-shape training for professionals in integrated teams", "Head of Workforce", 9, {
    forecast: "2010-04-30",
    status: "In progress",
    dependsOn: "M09FS+20d",
  }),
  ms(
    "M12",
    "P04",
    "Structured system to embed public engagement in commissioning",
    "Director Commissioning and Strategy",
    6,
    { actual: "2009-10-30", status: "Complete" },
  ),
  ms(
    "M13",
    "P04",
    "Commission qualitative research on engaging stakeholders",
    "Director Commissioning and Strategy",
    6,
    { status: "In progress" },
  ),
  ms("M14", "P04", "Build on Service Improvement Boards to increase stakeholder engagement", "Medical Director", 9, {
    status: "In progress",
    dependsOn: "M13",
  }),
  ms("M15", "P05", "Extend team coaching programme to whole Board", "Chairman/CEO", 6, {
    actual: "2009-09-25",
    status: "Complete",
  }),
  ms("M16", "P05", "Patient Safety training for all Board members", "CEO", 6, {
    actual: "2009-09-30",
    status: "Complete",
    review: "Board development review",
  }),
  ms("M17", "P06", "Identify potential clinical leaders within the PCT", "Medical Director", 6, {
    actual: "2009-09-11",
    status: "Complete",
  }),
  ms("M18", "P06", "Offer national and regional development programmes", "Medical Director", 12, {
    status: "In progress",
    dependsOn: "M17",
  }),
  ms("M19", "P06", "Develop Clinical Champions to take on leadership role", "Medical Director", 6, {
    actual: "2010-01-22",
    status: "Complete",
  }),
  ms("M20", "P07", "Design and offer local development programme", "Director OD", 12, { status: "In progress" }),
  ms("M21", "P07", "Programme for managers grade 6 and above (80% access)", "Director OD", 12, {
    status: "In progress",
    dependsOn: "M20SS",
  }),
  ms("M22", "P07", "Implement Commissioning Trainee scheme", "Director Commissioning and Strategy", 12),
  ms("M23", "P08", "Hold public events", "Director Public Health", 3, { actual: "2009-06-26", status: "Complete" }),
  ms("M24", "P08", "Patient involvement in JSNA", "Director Public Health", 6, {
    actual: "2009-10-16",
    status: "Complete",
  }),
  ms("M25", "P08", "Customer care programme for all PCT staff", "Director OD", 6, {
    forecast: "2009-11-30",
    status: "In progress",
  }),
  ms("M26", "P09", "Develop innovation scheme with systematic process for ideas", "CEO/Directors", 12, {
    status: "In progress",
  }),
  ms(
    "M27",
    "P09",
    "Benchmark PCT against others nationally and internationally",
    "Director Commissioning and Strategy",
    36,
  ),
  ms("M28", "P10", "Extend PBC leads development across WCC competencies", "Locality Directors", 12, {
    status: "In progress",
  }),
  ms("M29", "P10", "Second practice staff into the PCT", "Locality Directors", 12),
  ms("M30", "P11", "Engage clinicians in quality networks via Clinical Quality Reviews", "Medical Director", 6, {
    actual: "2009-09-30",
    status: "Complete",
  }),
  ms(
    "M31",
    "P11",
    "Identify clinician-led task groups for the Strategic Plan",
    "Director Commissioning and Strategy",
    3,
    { actual: "2009-07-03", status: "Complete" },
  ),
  ms("M32", "P12", "Develop action plans for LONU areas of focus", "Director Commissioning and Strategy", 3, {
    actual: "2009-06-30",
    status: "Complete",
    review: "Strategic Commissioning Committee",
  }),
  ms("M33", "P12", "Implement knowledge management partnership and unit", "Director Finance", 3, {
    forecast: "2009-12-11",
    status: "In progress",
  }),
  ms("M34", "P12", "Locality teams able to analyse performance against KPIs", "Locality Directors", 6, {
    forecast: "2010-03-31",
    status: "In progress",
    dependsOn: "M33",
  }),
  ms("M35", "P12", "WCC year 2 panel assessment", "Director Commissioning and Strategy", 12, { review: "WCC panel" }),
  ms("M36", "P13", "Structured commissioning skills programme implemented", "Director Commissioning and Strategy", 6, {
    forecast: "2010-02-28",
    status: "In progress",
    dependsOn: "M33FS+40d",
  }),
  ms("M37", "P13", "Develop social marketing skills with external expertise", "Director Public Health", 12),
  ms("M38", "P14", "Personal assessment standards against WCC competencies", "Head of Workforce", 12, {
    status: "In progress",
  }),
  ms("M39", "P14", "Standard process for the employee pathway", "Head of Workforce", 12),
  ms("M40", "P15", "Set performance standards for staff management", "Head of Workforce", 6, {
    actual: "2010-01-20",
    status: "Complete",
  }),
  ms("M41", "P15", "Work with local university to develop accredited course", "Director OD", 12, {
    status: "In progress",
    dependsOn: "M11",
  }),
];

export interface SampleRisk {
  id: string;
  title: string;
  description: string;
  project: string;
  owner: string;
  l: number;
  i: number;
  rl: number | "";
  ri: number | "";
  mitigation: string;
  status: string;
  raised: string;
  reviewed: string;
  due: string;
}

export const RISKS: SampleRisk[] = [
  {
    id: "R01",
    title: "Director of OD post not filled",
    description: "Without a dedicated director the plan lacks co-ordination across the Executive Team.",
    project: WS.leadership,
    owner: "Chief Executive",
    l: 3,
    i: 4,
    rl: 2,
    ri: 3,
    mitigation: "Interim cover from Director Commissioning and Strategy; recruitment under way.",
    status: "Open",
    raised: "2009-04-15",
    reviewed: "2010-01-12",
    due: "2010-03-31",
  },
  {
    id: "R02",
    title: "Knowledge management unit over budget",
    description: "External expertise for needs assessment costs more than the agreed investment.",
    project: "P12",
    owner: "Director Finance",
    l: 4,
    i: 4,
    rl: 3,
    ri: 3,
    mitigation: "Re-scope phase 2; seek joint funding with the county council.",
    status: "Open",
    raised: "2009-07-01",
    reviewed: "2010-01-20",
    due: "2010-02-28",
  },
  {
    id: "R03",
    title: "Clinicians unable to be released for PBC development",
    description: "Practice workload limits attendance at the diploma course.",
    project: "P10",
    owner: "Locality Directors",
    l: 4,
    i: 3,
    rl: 3,
    ri: 3,
    mitigation: "Backfill funding for sessions; evening modules.",
    status: "Open",
    raised: "2009-05-10",
    reviewed: "2009-09-01",
    due: "",
  },
  {
    id: "R04",
    title: "University partner lacks capacity for workforce team",
    description:
      "Delay in the university partnership holds up workforce planning and the accredited leadership course.",
    project: "P03",
    owner: "Head of Workforce",
    l: 4,
    i: 4,
    rl: "",
    ri: "",
    mitigation: "Escalate to NHS West Midlands; approach a second university.",
    status: "Open",
    raised: "2009-08-20",
    reviewed: "2009-12-18",
    due: "2010-01-15",
  },
  {
    id: "R05",
    title: "WCC year 2 panel scores below target",
    description: "Competencies 5 and 6 remain at level 1, risking the PCT's assurance rating.",
    project: WS.competencies,
    owner: "Director Commissioning and Strategy",
    l: 4,
    i: 5,
    rl: 3,
    ri: 4,
    mitigation: "Knowledge management unit; monthly tracking at Strategic Commissioning Committee.",
    status: "Open",
    raised: "2009-04-01",
    reviewed: "2010-01-25",
    due: "2010-02-25",
  },
  {
    id: "R06",
    title: "Public engagement seen as tokenistic",
    description: "Residents do not see how their views change commissioning decisions.",
    project: "P04",
    owner: "",
    l: 3,
    i: 3,
    rl: 2,
    ri: 2,
    mitigation: "You said, we did reporting after each event.",
    status: "Open",
    raised: "2009-06-01",
    reviewed: "2009-12-01",
    due: "2010-03-01",
  },
  {
    id: "R07",
    title: "Staff release for commissioning training",
    description: "Operational pressure in winter reduces attendance, putting the 30% year-one target at risk.",
    project: "P13",
    owner: "Director Commissioning and Strategy",
    l: 3,
    i: 3,
    rl: "",
    ri: "",
    mitigation: "",
    status: "Open",
    raised: "2009-09-14",
    reviewed: "2009-11-02",
    due: "2010-02-01",
  },
  {
    id: "R08",
    title: "Partnership with Rolls Royce not agreed",
    description: "External partner withdraws before the programme is designed.",
    project: "P01",
    owner: "CEO/NED",
    l: 1,
    i: 3,
    rl: "",
    ri: "",
    mitigation: "Partnership agreement signed September 2009.",
    status: "Closed",
    raised: "2009-04-01",
    reviewed: "2009-09-18",
    due: "",
  },
  {
    id: "R09",
    title: "Board time for coaching squeezed by financial recovery",
    description: "Board agenda dominated by financial recovery plans.",
    project: "P05",
    owner: "Chairman",
    l: 2,
    i: 2,
    rl: "",
    ri: "",
    mitigation: "Coaching sessions booked a year ahead.",
    status: "Closed",
    raised: "2009-04-01",
    reviewed: "2009-09-30",
    due: "",
  },
  {
    id: "R10",
    title: "Funding for 2010/11 development programmes uncertain",
    description: "The 2% training fund may be reduced in the 2010/11 financial plan.",
    project: "Programme",
    owner: "Director Finance",
    l: 3,
    i: 5,
    rl: 2,
    ri: 4,
    mitigation: "Board commitment to increase training budget by £100k a year; protect in financial plan.",
    status: "Open",
    raised: "2009-11-01",
    reviewed: "2010-01-22",
    due: "2010-04-30",
  },
];

/** The WCC panel's scores (section 7.3.1) and the plan's targets. */
export const COMPETENCIES: {
  id: string;
  name: string;
  panel: number;
  self: number;
  self2?: number;
  target: number;
  targetDate: string;
  lead: string;
}[] = [
  {
    id: "C1",
    name: "Locally lead the NHS",
    panel: 2,
    self: 2,
    self2: 3,
    target: 2,
    targetDate: "2010-12-31",
    lead: "Chief Executive",
  },
  {
    id: "C2",
    name: "Work with community partners",
    panel: 2,
    self: 2,
    target: 2,
    targetDate: "2010-12-31",
    lead: "Director Commissioning and Strategy",
  },
  {
    id: "C3",
    name: "Engage with public and patients",
    panel: 1,
    self: 2,
    self2: 2,
    target: 2,
    targetDate: "2009-12-31",
    lead: "Director Commissioning and Strategy",
  },
  {
    id: "C4",
    name: "Collaborate with clinicians",
    panel: 2,
    self: 2,
    target: 2,
    targetDate: "2010-12-31",
    lead: "Medical Director",
  },
  {
    id: "C5",
    name: "Manage knowledge and assess needs",
    panel: 1,
    self: 1,
    self2: 2,
    target: 3,
    targetDate: "2010-03-31",
    lead: "Director Public Health",
  },
  {
    id: "C6",
    name: "Prioritise investment",
    panel: 1,
    self: 2,
    target: 3,
    targetDate: "2010-03-31",
    lead: "Director Finance",
  },
  {
    id: "C7",
    name: "Stimulate the market",
    panel: 1,
    self: 1,
    target: 2,
    targetDate: "2010-12-31",
    lead: "Director Commissioning and Strategy",
  },
  {
    id: "C8",
    name: "Promote improvement and innovation",
    panel: 1,
    self: 2,
    target: 4,
    targetDate: "2011-03-31",
    lead: "Director Quality and Performance",
  },
  {
    id: "C9",
    name: "Secure procurement skills",
    panel: 2,
    self: 2,
    target: 2,
    targetDate: "2010-12-31",
    lead: "Director Finance",
  },
  {
    id: "C10",
    name: "Manage the local health system",
    panel: 2,
    self: 2,
    target: 3,
    targetDate: "2010-12-31",
    lead: "Chief Executive",
  },
];

export const BENEFITS = [
  {
    id: "B01",
    benefit: "Integrated services delivered around local populations",
    project: "P02",
    measure: "Localities with integrated adult and children's teams",
    baseline: 0,
    target: 6,
    actual: 2,
    due: "2011-03-31",
  },
  {
    id: "B02",
    benefit: "Fewer complaints about access to services",
    project: "P04",
    measure: "Complaints about access per quarter",
    baseline: 48,
    target: 36,
    actual: 44,
    due: "2009-12-31",
  },
  {
    id: "B03",
    benefit: "Investment decisions based on needs assessment",
    project: "P12",
    measure: "Investment cases with JSNA evidence (%)",
    baseline: 20,
    target: 75,
    actual: "",
    due: "2011-03-31",
  },
  {
    id: "B04",
    benefit: "Staff trained in commissioning skills in year one",
    project: "P13",
    measure: "Staff trained (%)",
    baseline: 0,
    target: 30,
    actual: 22,
    due: "2010-03-31",
  },
];

export const ISSUES = [
  {
    id: "I01",
    title: "University contract not signed; workforce team start delayed",
    project: "P03",
    owner: "Head of Workforce",
    priority: "High",
    status: "Open",
    raised: "2009-10-05",
    due: "2009-12-18",
  },
  {
    id: "I02",
    title: "Knowledge management unit recruitment paused by vacancy control",
    project: "P12",
    owner: "Director Finance",
    priority: "High",
    status: "Open",
    raised: "2009-11-16",
    due: "2010-02-28",
  },
  {
    id: "I03",
    title: "Venue for NEDs conference unavailable",
    project: "P02",
    owner: "Chair/NEDs",
    priority: "Low",
    status: "Closed",
    raised: "2009-09-01",
    due: "2009-10-01",
  },
];

export const GOVERNANCE = [
  { element: "Strategy", rating: "Green", target: "Green", date: "2009-12-31" },
  { element: "Finance", rating: "Amber", target: "Green", date: "2009-12-31" },
  { element: "Board", rating: "Green", target: "Green", date: "2009-12-31" },
];

/** Extra links recorded on the Dependencies sheet (the rest are in Depends On columns). */
export const LINKS = [
  { from: "M08", to: "M41", type: "FS", lag: 40 },
  { from: "M25", to: "M36", type: "SS", lag: 0 },
];

/** Each workstream's one accountable lead and its senior responsible owner. */
export const WORKSTREAMS = [
  { name: WS.partnership, lead: "Director Commissioning and Strategy", sro: "Chief Executive" },
  { name: WS.leadership, lead: "Director OD", sro: "Chief Executive" },
  { name: WS.quality, lead: "Director Quality and Performance", sro: "Medical Director" },
  { name: WS.clinical, lead: "Medical Director", sro: "Chief Executive" },
  { name: WS.competencies, lead: "Director Commissioning and Strategy", sro: "Chief Executive" },
];

/**
 * Commentary as the programme office collects it each month: the December rows are replaced by
 * January's for the January report.
 */
export const COMMENTARY = [
  {
    period: "2009-12-31",
    about: "Programme",
    summary: "Four of five workstreams on track; the WCC year 2 submission is being prepared.",
    decisions: "",
    recommendation: "",
    decisionBy: "",
    lessons: "",
    author: "Programme Director",
  },
  {
    period: "2010-01-31",
    about: "Programme",
    summary:
      "The plan is behind in three workstreams: the knowledge management unit and the university partnership have held up competencies C5 and C6 and workforce planning. Spend is within 6% of budget overall, but the knowledge management unit is 16% over.",
    decisions:
      "Approve re-scoping phase 2 of the knowledge management unit, with joint funding from the county council.",
    recommendation: "Approve: it keeps C5 on course for level 2 by March within the agreed investment.",
    decisionBy: "2010-02-25",
    lessons: "",
    author: "Programme Director",
  },
  {
    period: "2010-01-31",
    about: WS.partnership,
    summary:
      "Local partnerships are in place; the university contract is still unsigned, which delays the workforce team and the accredited course.",
    decisions: "",
    recommendation: "",
    decisionBy: "",
    lessons: "Agree partner contracts before a programme's start date is announced.",
    author: "Director Commissioning and Strategy",
  },
  {
    period: "2010-01-31",
    about: WS.leadership,
    summary: "Board coaching is complete; the talent management and clinical leaders programmes are on track.",
    decisions: "",
    recommendation: "",
    decisionBy: "",
    lessons: "Booking Board sessions a year ahead protected them from the financial recovery agenda.",
    author: "Director OD",
  },
  {
    period: "2010-01-31",
    about: WS.competencies,
    summary:
      "C5 and C6 remain at level 1 after the year 2 panel; the knowledge management unit is recruiting again after the vacancy-control pause.",
    decisions: "Agree a revised target date of September 2010 for C6 Prioritise investment to reach level 3.",
    recommendation: "Agree: the panel's year 3 timetable allows it, and it avoids over-committing the finance team.",
    decisionBy: "2010-02-25",
    lessons: "",
    author: "Director Commissioning and Strategy",
  },
];
