import { find, findAll, type XmlNode } from "../xlsx/xml";

/** The text of a child element, trimmed; "" when absent. */
export function text(node: XmlNode, local: string): string {
  return find(node, local)?.text.trim() ?? "";
}

/** The `item` elements of a container under the root ("Resources" › "Resource"); none when the container is absent. */
export function listOf(root: XmlNode, container: string, item: string): XmlNode[] {
  const c = find(root, container);
  return c ? findAll(c, item) : [];
}

/** Each task's assigned resources (ResourceUID), by TaskUID, in the Assignments' order. */
export function assignmentsByTask(root: XmlNode): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of listOf(root, "Assignments", "Assignment")) {
    const task = text(a, "TaskUID");
    (out.get(task) ?? out.set(task, []).get(task)!).push(text(a, "ResourceUID"));
  }
  return out;
}
