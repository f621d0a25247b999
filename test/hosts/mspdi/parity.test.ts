import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parity, parityAs, planAs } from "../../../scripts/project-parity";
import { asWizardCsv, wizardDate, wizardPercent, durationWords } from "../../../scripts/project-forms";
import { decodeWindows1252 } from "../../../src/core/primitives/windows-1252";
import { communityPlanXml } from "../../support/mspdi";

/**
 * scripts/project-parity.ts (npm run parity) on hand-made MSPDI plans: it reads a file through the
 * reader and the schedule and counts where the schedule agrees with the Start, Finish and
 * TotalSlack Project wrote.
 */
describe("npm run parity", () => {
  it("finds the community fixture in full agreement with Project: every date to the minute, the same critical tasks, no push", () => {
    const xml = readFileSync(join(__dirname, "../../fixtures/mspdi/community-services.xml"), "utf8");
    const p = parity("community-services.xml", xml);
    expect(p).toMatchObject({ open: 8, datesDay: 8, datesMinute: 8, slips: 0, conflicts: 0, disagreements: [] });
    expect([p.projectCritical, p.oursCritical, p.both]).toEqual([4, 4, 4]);
  });

  // The shape of MPXJ's junit/data/mspdirelations.xml (https://github.com/joniles/mpxj; read, not
  // copied): a start-to-finish successor whose Finish Project writes at 8:00 of the predecessor's
  // start day, with one day of total slack (TotalSlack 4800 tenths of a minute).
  const sfPlan = (releaseDay: string) =>
    communityPlanXml([
      {
        uid: 1,
        name: "Release",
        level: 1,
        minutes: 480,
        start: `${releaseDay}T08:00:00`,
        finish: `${releaseDay}T17:00:00`,
        slackDays: 0,
      },
      {
        uid: 2,
        name: "Freeze",
        level: 1,
        minutes: 480,
        start: "2025-08-29T08:00:00",
        finish: "2025-09-01T08:00:00",
        slackDays: 1,
        links: [{ uid: 1, type: 2 }],
      },
    ]);
  it("agrees on a start-to-finish link ending at 8:00, and says where it would not", () => {
    const p = parity("sf.xml", sfPlan("2025-09-01"));
    expect(p).toMatchObject({ open: 2, datesDay: 2, datesMinute: 2, projectCritical: 1, oursCritical: 1, both: 1 });
    expect([p.linked, p.linkDriven]).toEqual([1, 1]); // Freeze's finish is the SF link's, not its entered date's
    // Release a day later than this Freeze allows: the schedule pushes Freeze, and the script names
    // the task and both schedules.
    const moved = parity("sf.xml", sfPlan("2025-09-02"));
    expect(moved.datesDay).toBe(1);
    expect(moved.disagreements).toEqual([
      expect.stringMatching(/^ {2}2 Freeze: ours .* Project 2025-08-29T08:00–2025-09-01T08:00/),
    ]);
  });
});

describe("the same Project plan as the Export Wizard's CSV and the Excel template (scripts/project-forms.ts)", () => {
  const xml = readFileSync(join(__dirname, "../../fixtures/mspdi/community-services.xml"), "utf8");

  it("writes the wizard's forms: long and short US dates on a 12-hour clock, NA, fractions, Windows-1252", () => {
    expect(wizardDate("2025-02-17T13:00", true)).toBe("February 17, 2025 1:00");
    expect(wizardDate("2025-02-17T08:00", false)).toBe("2/17/25 8:00");
    expect(wizardDate(null, false)).toBe("NA");
    expect(wizardPercent("3%")).toBe("2.9999999999999999E-2"); // as the real export writes it
    expect(wizardPercent("100%")).toBe("1");
    expect([durationWords("8h"), durationWords("1d"), durationWords("1.5d?"), durationWords("2ew")]).toEqual([
      "8 hrs",
      "1 day",
      "1.5 days?",
      "2 ewks",
    ]);
    const bytes = asWizardCsv({ name: "T", top: 0, left: 0, rows: [["Task_Name"], ["Réunion – board"]] });
    expect([...bytes.slice(11, 21)]).toEqual([0x52, 0xe9, 0x75, 0x6e, 0x69, 0x6f, 0x6e, 0x20, 0x96, 0x20]);
    expect(decodeWindows1252(bytes)).toBe("Task_Name\r\nRéunion – board\r\n");
  });

  it("reads to the same schedule in all three forms, each in full agreement with Project's own", async () => {
    const forms = ["xml", "csv", "template"] as const;
    const parities = await Promise.all(forms.map((f) => parityAs("community-services.xml", xml, f)));
    for (const p of parities) expect(p).toMatchObject({ datesDay: p.open, slips: 0, conflicts: 0 });
    // The template carries no progress, so its done tasks are open; the others agree task for task.
    expect(parities.map((p) => p.open)).toEqual([8, 8, 9]); // the one task done in Project is open in the template
    expect(parities[1]).toMatchObject({ datesMinute: 8, projectCritical: 4, oursCritical: 4, both: 4 });
    const csv = await planAs(xml, "csv", "community");
    expect(csv.sheets[0].name).toBe("community");
  });
});
