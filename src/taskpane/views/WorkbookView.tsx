import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { sheetSpec, type SheetKind } from "../../core/workbook/schema";
import { Note } from "./Note";
import { SourcesPanel } from "./SourcesPanel";
import type { CheckResult, WorkbookService } from "../services/types";
import { wholeNumber } from "../../core/primitives/text";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.body1Strong, margin: 0 },
  control: { minWidth: 0, maxWidth: "100%" },
});

const KIND: Record<string, string> = {
  projects: "Projects",
  milestones: "Milestones",
  dependencies: "Dependencies",
  risks: "Risks",
  issues: "Issues",
  benefits: "Benefits",
  competencies: "Competency scores",
  governance: "Governance ratings",
  settings: "Settings",
  links: "Links",
  dependencyLog: "Dependencies log",
  assumptions: "Assumptions",
  holidays: "Holidays",
  workstreams: "Workstreams",
  commentary: "Commentary",
  // A plan exported from Microsoft Project or Smartsheet: its tasks are read as projects and milestones.
  tasks: "Projects (tasks)",
};

/** The predecessor column's name as the plan's own tool calls it (a Project or Smartsheet export has Predecessors). */
function linksVia(
  s: { kind: string; sheet: string; via?: string },
  sources: { kind: string; sheet: string }[],
): string | undefined {
  if (s.kind !== "links" || !s.via) return s.via;
  return sources.some((x) => x.kind === "tasks" && x.sheet === s.sheet) ? "Predecessors column" : s.via;
}

/** "15 rows", "1,800 links": a count with thousands separators. */
function countOf(s: { kind: string; rows: number }, planLinks: boolean): string {
  const n = wholeNumber(s.rows);
  if (s.kind !== "links") return `${n} ${s.rows === 1 ? "row" : "rows"}`;
  // A link to or from a summary task applies to every task under it, so it is counted once per task (Microsoft Project's rule).
  return `${n} ${s.rows === 1 ? "link" : "links"}${planLinks ? " between tasks (each Predecessors reference once; a link to a summary task binds the tasks under it)" : ""}`;
}

/** "Projects, 15 rows"; links read from Depends On columns say so ("Depends On column on Milestones, 9 links"). */
function sourceWhere(s: { kind: string; table?: string; via?: string }): string {
  if (s.kind === "links" && s.via) return `${s.via} on `;
  return s.table ? `table ${s.table} on ` : "";
}

/** The fields a sheet of this kind can hold, by label (none for kinds with no column spec, such as links). */
function fieldsOf(kind: string): string[] {
  try {
    return sheetSpec(kind as SheetKind).fields.map((f) => f.label);
  } catch {
    return [];
  }
}

/**
 * Headers the reader did not recognise, each with a drop-down of the fields it could be: choosing
 * one saves a Column map row on Settings (in the browser, for this session) and checks again.
 */
function ColumnMapper({
  sources,
  service,
  onChanged,
  setNote,
}: {
  sources: CheckResult["json"]["sources"];
  service: WorkbookService;
  onChanged: () => void;
  setNote: (n: { intent: "success" | "error"; text: string }) => void;
}) {
  const styles = useStyles();
  const unread = sources.filter((s) => s.extraColumns.length > 0 && fieldsOf(s.kind).length > 0);
  if (!unread.length) return null;
  const choose = async (sheet: string, header: string, field: string) => {
    try {
      const how = await service.mapColumn({ sheet, header, field });
      setNote({
        intent: "success",
        text: `“${header}” on ${sheet.trim()} is now read as ${field}${how === "saved" ? " (saved on the Settings sheet as a Column map row)" : " for this session (your file is not changed)"}.`,
      });
      onChanged();
    } catch (e) {
      setNote({ intent: "error", text: (e as Error).message });
    }
  };
  return (
    <section aria-label="Columns not read" className={styles.root}>
      <h2 className={styles.heading}>Columns not read</h2>
      <Caption1>
        If one of these holds a field the checks need, say which: the choice travels with the workbook, so every
        co-author's checks read it the same way.
      </Caption1>
      {unread.map((s) => (
        <div key={`${s.kind}|${s.sheet}`} className={styles.list}>
          {s.extraColumns.map((h) => (
            <Field key={h} label={`${s.sheet.trim()}: “${h}”`}>
              <Dropdown
                className={styles.control}
                placeholder="Not used"
                onOptionSelect={(_, d) => d.optionValue && void choose(s.sheet, h, d.optionValue)}
              >
                {fieldsOf(s.kind).map((f) => (
                  <Option key={f} value={f}>
                    {f}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          ))}
        </div>
      ))}
    </section>
  );
}

/** The input sheets and tables found, each with its row count (a link to it in Excel). */
function SheetsFound({ result, service }: { result: CheckResult; service: WorkbookService }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {result.json.sources.map((s) => (
        <li key={`${s.kind}|${s.sheet}`}>
          <Body1>
            {KIND[s.kind] ?? s.kind}: {sourceWhere({ ...s, via: linksVia(s, result.json.sources) })}
            {service.activate ? (
              <Link as="button" onClick={() => void service.activate!(s.sheet)}>
                {s.sheet.trim()}
              </Link>
            ) : (
              s.sheet.trim()
            )}
            , {countOf(s, linksVia(s, result.json.sources) !== s.via)}
          </Body1>
        </li>
      ))}
    </ul>
  );
}

/** The optional input sheets the workbook lacks: add them (Excel) or get the blank template (browser). */
function MissingSheets({
  result,
  service,
  busy,
  onAdd,
}: {
  result: CheckResult;
  service: WorkbookService;
  busy: boolean;
  onAdd: () => void;
}) {
  const [template, setTemplate] = useState<{ name: string; url: string } | null>(null);
  return result.missing.length > 0 ? (
    <div>
      <Caption1>
        Not in this workbook (each is optional; its checks are skipped): {result.missing.map((t) => t.name).join(", ")}.
      </Caption1>
      {service.insertMissing ? (
        <div>
          <Button appearance="primary" onClick={onAdd} disabled={busy}>
            Add the missing sheets
          </Button>
          <Caption1 block>
            Adds them as empty tables with headers and drop-downs. Your own sheets are not touched.
          </Caption1>
        </div>
      ) : service.templateDownload ? (
        <div>
          <Button onClick={async () => setTemplate(await service.templateDownload!())}>Get the blank template</Button>
          {template && (
            <Link href={template.url} download={template.name}>
              Download {template.name}
            </Link>
          )}
        </div>
      ) : null}
    </div>
  ) : (
    <Caption1>Every input sheet is there.</Caption1>
  );
}

/** Which input sheets and tables were found, with row counts and any missing columns. */
export function WorkbookView({
  result,
  service,
  onChanged,
}: {
  result: CheckResult | null;
  service: WorkbookService;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  if (!result) return <Body1>Run the checks to see which sheets were found.</Body1>;
  const missingColumns = result.json.diagnostics.filter((d) => d.code === "missing-column");
  const add = async () => {
    setBusy(true);
    setNote(null);
    try {
      const added = await service.insertMissing!(result.missing);
      setNote({
        intent: "success",
        text: added.length
          ? `Added ${added.join(", ")}. Fill them in, then run the checks again.`
          : "Nothing to add: every input sheet is there.",
      });
      onChanged();
    } catch (e) {
      setNote({ intent: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.root} aria-label="Input sheets">
      <h2 className={styles.heading}>
        Found in {service.title.toLowerCase() === "this workbook" ? "this workbook" : service.title}
      </h2>
      <SheetsFound result={result} service={service} />
      <ColumnMapper sources={result.json.sources} service={service} onChanged={onChanged} setNote={setNote} />
      {service.sources && <SourcesPanel sources={service.sources} result={result} onChanged={onChanged} />}
      {missingColumns.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {missingColumns.map((d, i) => (
              <div key={i}>{d.message}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <MissingSheets result={result} service={service} busy={busy} onAdd={add} />
      {note && <Note intent={note.intent} text={note.text} />}
    </section>
  );
}
