import { findAll, getAttr, type XmlNode } from "../xml";
import { type ZipArchive } from "../zip";

import { partTree, type PackageLimits } from "./parts";

/** Relationships (ECMA-376 Part 2, 9.3): a part's .rels, and a target resolved against its owner. */

/** Resolves a relationship target against the part that owns it ("/xl/x.xml" is absolute). */
export function resolveTarget(ownerPath: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = ownerPath.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

export function relsPathFor(partPath: string): string {
  const parts = partPath.split("/");
  const file = parts.pop()!;
  return [...parts, "_rels", `${file}.rels`].join("/");
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function readRels(pkg: { zip: ZipArchive; limits: PackageLimits }, partPath: string): Relationship[] {
  const root = partTree(pkg, relsPathFor(partPath));
  if (!root) return [];
  return findAll(root, "Relationship").map((r) => ({
    id: getAttr(r, "Id") ?? "",
    type: getAttr(r, "Type") ?? "",
    target: getAttr(r, "Target") ?? "",
    external: (getAttr(r, "TargetMode") ?? "") === "External",
  }));
}

/** The relationship-namespace attribute r:id of a <sheet>, whatever prefix or namespace form it uses. */
export function relId(node: XmlNode): string {
  for (const a of node.attrs) if (a.local === "id" && /\/relationships$/.test(a.ns)) return a.value;
  return "";
}
