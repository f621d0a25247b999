import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parity } from "../../../scripts/project-parity";
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
