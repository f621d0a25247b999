import type { Analysis } from "../analysis/analyse";
import type { MilestoneStatus, ProjectStatus } from "../rag/rag";
import type { RiskResult } from "../risks/risks";
import { formatDayLong } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import type { Milestone, Project, Risk } from "../programme/entities";
import { known } from "../primitives/lookup";
import { hfText, type PlanSheet } from "./plan";

/** What every report sheet needs besides the analysis: look-ups, so building stays linear. */
export interface ReportContext {
  a: Analysis;
  projectById: Map<string, Project>;
  milestonesByProject: Map<string, Milestone[]>;
  milestoneById: Map<string, Milestone>;
  riskById: Map<string, Risk>;
  riskResultById: Map<string, RiskResult>;
  /** Sheet key of each workstream's highlight report. */
  highlightKey: (workstream: string) => string;
  /** The first diagnostic of a code for an entity ("slippage-impact|M41"). */
  diagnosticFor: (code: string, entity: string) => Diagnostic | undefined;
  /** The workstream an item (project or milestone ID) belongs to. */
  workstreamOf: (id: string) => string | null;
  /** An item's name, for tables that would otherwise show bare IDs. */
  nameOf: (id: string) => string;
  /** An ID with its name beside it ("P04 Staff survey"), or the ID alone when it names nothing. */
  labelOf: (id: string) => string;
  /** The sheets of other files (a collated programme's sources): report cells name them, never link to them. */
  externalSheets: ReadonlySet<string>;
}

export function makeContext(a: Analysis): ReportContext {
  const projectById = new Map(a.programme.projects.map((p) => [p.id.toUpperCase(), p]));
  const milestoneById = new Map(a.programme.milestones.map((m) => [m.id, m]));
  const milestonesByProject = new Map<string, Milestone[]>();
  for (const m of a.programme.milestones) {
    const p = projectById.get(m.project.trim().toUpperCase());
    if (!p) continue;
    const list = milestonesByProject.get(p.id) ?? [];
    list.push(m);
    milestonesByProject.set(p.id, list);
  }
  const byCodeEntity = new Map<string, Diagnostic>();
  for (const d of a.diagnostics)
    if (d.entity && !byCodeEntity.has(`${d.code}|${d.entity}`)) byCodeEntity.set(`${d.code}|${d.entity}`, d);
  const project = (id: string) => projectById.get(id.trim().toUpperCase());
  const nameOf = (id: string) => project(id)?.name ?? milestoneById.get(id)?.name ?? id;
  return {
    a,
    projectById,
    milestonesByProject,
    milestoneById,
    riskById: new Map(a.programme.risks.map((r) => [r.id, r])),
    riskResultById: new Map(a.risks.map((r) => [r.id, r])),
    highlightKey: (ws) => `highlight:${ws}`,
    diagnosticFor: (code, entity) => byCodeEntity.get(`${code}|${entity}`),
    workstreamOf: (id) => {
      const m = milestoneById.get(id);
      return project(id)?.workstream ?? (m ? (project(m.project)?.workstream ?? null) : null);
    },
    nameOf,
    labelOf: (id) => {
      const name = nameOf(id);
      return name && name !== id ? `${id} ${name}` : id;
    },
    externalSheets: new Set(a.programme.collation?.externalSheets),
  };
}

export function projectOf(ctx: ReportContext, id: string): Project | undefined {
  return ctx.projectById.get(id.trim().toUpperCase());
}

/** A project named by the analysis (a workstream's, a status's): it is one of the programme's. */
export function knownProject(ctx: ReportContext, id: string): Project {
  return known(ctx.projectById, id.trim().toUpperCase(), "project");
}

/** A risk of the programme by its ID (every risk result is of one). */
export function riskOf(ctx: ReportContext, id: string): Risk {
  return known(ctx.riskById, id, "risk");
}

/** A project's status (the analysis rates every project). */
export function projectStatus(ctx: ReportContext, id: string): ProjectStatus {
  return known(ctx.a.rag.projects, id, "project status");
}

/** A milestone's status (the analysis rates every milestone). */
export function milestoneStatus(ctx: ReportContext, id: string): MilestoneStatus {
  return known(ctx.a.rag.milestones, id, "milestone status");
}

/** Stands in the footer for the pack's page count until the pack is paged (build.ts, numberPages). */
export const PACK_PAGES = "{pages}";

/**
 * One header and footer for every report sheet: the sheet's title and programme at the top; the
 * programme, its classification, page x of y and the as-of date at the foot.
 */
export function printSetup(ctx: ReportContext, title: string, repeatRows?: [number, number]): PlanSheet["print"] {
  const s = ctx.a.programme.settings;
  return {
    landscape: true,
    repeatRows,
    header: `&L${hfText(s.programmeName)}&R${hfText(title)}`,
    footer: `&L${hfText(s.classification)}&CPage &P of ${PACK_PAGES}&RAs of ${formatDayLong(ctx.a.asOf)}`,
  };
}
