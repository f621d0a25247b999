import type { SnapshotProblem } from "../../core/primitives/snapshot";
import { wholeNumber } from "../../core/primitives/text";
import { find, type XmlNode } from "../xlsx/xml";
import { baseChain, calendarsByUid } from "./calendar";
import { assignmentsByTask, listOf, text } from "./nodes";

/**
 * Tasks Project schedules on working time other than the project calendar's, said once.
 *
 * Project schedules a task on its task calendar when it has one (the task's CalendarUID), else
 * on the calendars of the resources assigned to it, unless "Scheduling ignores resource
 * calendars" (IgnoreResourceCalendar) is set ("How Project schedules tasks: Behind the scenes",
 * Microsoft Support). A calendar derives from its base (BaseCalendarUID); one that adds nothing
 * of its own to the project calendar (no WeekDays, Exceptions or WorkWeeks) gives the same time.
 * The tool schedules every task on the project calendar, so these tasks' dates can differ from
 * Project's: the note names the calendars and the first tasks, for the PMO to check.
 */
export function otherCalendarNote(
  root: XmlNode,
  tasks: readonly { uid: string; id: string; node: XmlNode }[],
): SnapshotProblem | null {
  const byUid = calendarsByUid(root);
  const projectUid = text(root, "CalendarUID");
  /** The name of the first calendar on the way to the project calendar that sets working time of its own. */
  const differs = (uid: string): string | null => {
    const own = baseChain(byUid, uid, projectUid).find(ownTime);
    return own ? text(own, "Name") || `calendar ${text(own, "UID")}` : null;
  };
  const resourceCalendar = new Map(
    listOf(root, "Resources", "Resource").map((r) => [text(r, "UID"), text(r, "CalendarUID")]),
  );
  const assigned = assignmentsByTask(root);
  const on = new Map<string, string[]>();
  for (const t of tasks) {
    if (text(t.node, "Summary") === "1") continue;
    let name = differs(text(t.node, "CalendarUID"));
    if (!name && text(t.node, "IgnoreResourceCalendar") !== "1")
      name = (assigned.get(t.uid) ?? []).map((r) => differs(resourceCalendar.get(r) ?? "")).find((n) => n) ?? null;
    if (name) (on.get(name) ?? on.set(name, []).get(name)!).push(t.id);
  }
  if (!on.size) return null;
  const all = [...on.values()].flat();
  const project = text(byUid.get(projectUid) ?? root, "Name") || "the project calendar";
  const which = [...on].map(([n, ids]) => `${n}: ${wholeNumber(ids.length)}`).join(", ");
  const first = all.slice(0, 5).join(", ") + (all.length > 5 ? " …" : "");
  return {
    sheet: "Task_Table",
    cell: "",
    note: "other-calendar",
    message: `${wholeNumber(all.length)} ${all.length === 1 ? "task is scheduled by Project on a calendar of its own" : "tasks are scheduled by Project on calendars of their own"} (${which}; task${all.length === 1 ? "" : "s"} ${first}). This tool schedules every task on the project calendar (${project}), so ${all.length === 1 ? "its" : "their"} dates can differ from Project's by the working time ${on.size === 1 && all.length === 1 ? "that calendar adds" : "those calendars add"} or take${on.size === 1 && all.length === 1 ? "s" : ""} away: check them against the plan in Project.`,
  };
}

/** Whether a calendar sets working time of its own (its week days, exceptions or work weeks). */
function ownTime(c: XmlNode): boolean {
  return ["WeekDays", "Exceptions", "WorkWeeks"].some((k) => {
    const n = find(c, k);
    return n !== undefined && n.children.length > 0;
  });
}
