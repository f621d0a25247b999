import type { CellValue } from "../../src/model/cell";

/**
 * A RAID log shaped like the PMO templates in public use, one tab per part under a
 * document-control block:
 *  - Risks: ID, Date Raised, Raised By, Category (Technical, Resource, Schedule…), Description,
 *    Likelihood and Impact, Score, Owner, Response Strategy, Response Actions, Status, Review
 *    Date — the columns of the risk log in "RAID Log: Risk log" (RAIDLOG.com,
 *    https://raidlog.com/book-excerpts/risk-log: Category "for grouping risks", Probability and
 *    Impact of occurrence, P*I) and Kev's templates' risk register
 *    (https://kevstemplates.com/projects/risk_register: Category "Technical, Resource, Schedule,
 *    etc.", Probability, Impact, Score, Response Strategy, Response Actions, Owner, Status);
 *    likelihood and impact in the NPSA 5×5 matrix's words ("A risk matrix for risk managers",
 *    NPSA 2008), as NHS registers keep them — with one row rated High/Medium, as happens when a
 *    row is pasted from another log;
 *  - Issues: ID, Date Raised, Description, Impact (a description of the impact, as RAIDLOG.com's
 *    issue log has it, https://raidlog.com/?p=20204612), Priority (HIGH, MEDIUM, LOW), Owner,
 *    Target Resolution Date, Status — Impact before Priority;
 *  - Assumptions and Dependencies as the same templates keep them.
 */
const docControl = (title: string): CellValue[][] => [
  [title],
  ["Programme", "Community Services Redesign"],
  ["Programme Manager", "A. Patel"],
  ["Version", "2.1"],
  ["Last updated", "2026-03-02"],
  [],
];

export const RISK_HEADERS = ["Risk ID", "Date Raised", "Raised By", "Category", "Description", "Likelihood", "Impact", "Score", "Owner", "Response Strategy", "Response Actions", "Status", "Review Date"];

export function pmoRaidLog(issueHeaders: string[] = ["Issue ID", "Date Raised", "Description", "Impact", "Priority", "Owner", "Target Resolution Date", "Status"]): Record<string, CellValue[][]> {
  const issue = (id: string, raised: string, desc: string, impact: string, priority: string, owner: string, due: string, status: string): CellValue[] => {
    const byHeader: Record<string, CellValue> = { "Issue ID": id, "Date Raised": raised, Description: desc, Impact: impact, Priority: priority, Owner: owner, "Target Resolution Date": due, Status: status };
    return issueHeaders.map((h) => byHeader[h] ?? null);
  };
  return {
    Risks: [
      ...docControl("RAID Log: Risks"),
      RISK_HEADERS,
      ["R001", "2026-01-05", "PMO", "Schedule", "Estates works overrun. Go-live slips.", "Likely", "Major", 16, "Estates Lead", "Reduce", "Weekly contractor review", "Open", "2026-04-01"],
      ["R002", "2026-01-05", "PMO", "Technical", "EPR interface not ready. Referrals stay on paper.", "Almost certain", "Catastrophic", 25, "CIO", "Reduce", "Interim manual process", "Open", "2026-04-01"],
      ["R003", "2026-01-12", "HR", "Resource", "Band 6 posts not filled.", "Possible", "Moderate", 9, "HR Director", "Reduce", "Agency cover", "Open", "2026-04-15"],
      ["R004", "2026-01-12", "Finance", "Cost", "Transition funding withdrawn.", "Unlikely", "Major", 8, "Finance Director", "Accept", "Escalate to ICB", "Open", "2026-04-15"],
      ["R005", "2026-01-19", "PMO", "Schedule", "GP engagement delays design sign-off.", "High", "Medium", "High", "Clinical Lead", "Reduce", "Protected learning time slots", "Open", "2026-04-01"],
      ["R006", "2026-01-19", "IG", "Technical", "Data sharing agreement not signed.", "Possible", "Major", 12, "IG Lead", "Reduce", "Draft DSA with the LMC", "Open", "2026-04-01"],
      ["R007", "2026-02-02", "PMO", "Quality", "Patient feedback not collected.", "Rare", "Minor", 2, "Patient Experience Lead", "Accept", "Survey at discharge", "Open", "2026-05-01"],
      ["R008", "2026-02-02", "Estates", "Schedule", "Parking permits delayed.", "Likely", "Minor", 8, "Estates Lead", "Reduce", "Temporary permits", "Open", "2026-04-01"],
      ["R009", "2026-02-09", "PMO", "Technical", "Telephony cut-over fails.", "Unlikely", "Negligible", 2, "CIO", "Accept", "Fallback numbers", "Closed", "2026-03-01"],
    ],
    Issues: [
      ...docControl("RAID Log: Issues"),
      issueHeaders,
      issue("I001", "2026-01-20", "Lease for the hub not signed", "Go-live cannot be confirmed to staff", "HIGH", "Estates Lead", "2026-02-28", "Open"),
      issue("I002", "2026-01-27", "Two clinical leads on long-term leave", "Design workshops cancelled this month", "HIGH", "Clinical Lead", "2026-03-31", "Open"),
      issue("I003", "2026-02-03", "Interface specification rejected by supplier", "Interface build cannot start on plan", "HIGH", "CIO", "2026-03-15", "Open"),
      issue("I004", "2026-02-10", "Room bookings clash with clinics", "Training moved to evenings", "MEDIUM", "PMO", "2026-03-31", "Open"),
      issue("I005", "2026-02-17", "Newsletter deadline missed", "Staff hear of changes late", "LOW", "Comms Lead", "2026-03-31", "Open"),
    ],
    Assumptions: [
      ...docControl("RAID Log: Assumptions"),
      ["Assumption ID", "Description", "Owner", "Date Raised", "Validation Date", "Status", "Impact if Wrong"],
      ["A001", "Estates release the building by June", "Estates Lead", "2026-01-05", "2026-03-31", "Open", "Move slips a quarter"],
    ],
    Dependencies: [
      ...docControl("RAID Log: Dependencies"),
      ["Dependency ID", "Description", "Dependent On", "Owner", "Required By", "Status"],
      ["D001", "Network upgrade at the hub", "County IT", "CIO", "2026-04-30", "Open"],
    ],
  };
}
