import { Body1, Caption1, Link, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { SHEETS } from "../../core/workbook/schema";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { ...typographyStyles.body1Strong, margin: 0 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
});

/** The input sheets in the order a new user meets them (the rest of the schema's sheets follow). */
const FIRST = ["projects", "milestones", "dependencies", "risks", "issues"];

/** "one row per risk; columns ID, Title, Likelihood, Impact": a sheet's line, from the schema itself. */
function needsLine(spec: (typeof SHEETS)[number]): string {
  const required = spec.fields.filter((f) => f.required).map((f) => f.label);
  return `one row per ${spec.noun}${required.length ? `, with ${required.join(", ")}` : ""}`;
}

/**
 * What a programme workbook holds, sheet by sheet, for someone who has not used the tool. Any part
 * is enough (docs/workbook-format.md): a plan, a risk register or a RAID log alone is read, and each
 * sheet adds its checks. The lines come from the workbook format itself, so they cannot drift.
 */
export function WorkbookNeeds({ helpHref = "help.html" }: { helpHref?: string }) {
  const styles = useStyles();
  const inputs = SHEETS.filter((s) => s.kind !== "tasks");
  const ordered = [
    ...FIRST.map((k) => inputs.find((s) => s.kind === k)!),
    ...inputs.filter((s) => !FIRST.includes(s.kind)),
  ];
  return (
    <section className={styles.root} aria-labelledby="needs-heading">
      <h2 id="needs-heading" className={styles.heading}>
        What the workbook needs
      </h2>
      <Body1>
        Any of these sheets, by these names or others like them; each one you have adds its checks. A plan exported from
        Microsoft Project or Smartsheet is read as it comes.
      </Body1>
      <ul className={styles.list}>
        {ordered.map((s) => (
          <li key={s.kind}>
            <Caption1>
              <b>{s.title}</b>: {needsLine(s)}.
            </Caption1>
          </li>
        ))}
        <li>
          <Caption1>
            <b>Settings</b>: the reporting date and tolerances (defaults are used without it).
          </Caption1>
        </li>
      </ul>
      <Caption1>
        Other names for sheets and columns are recognised (“Risk Log”, “Target Date”).{" "}
        <Link href={helpHref} target="_blank" rel="noopener">
          Help: the workbook format
        </Link>
      </Caption1>
    </section>
  );
}
