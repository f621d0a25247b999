import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { CellPreview } from "../services/types";

const useStyles = makeStyles({
  wrap: {
    overflowX: "auto",
    marginTop: tokens.spacingVerticalXS,
    maxWidth: "100%",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    maxWidth: "12em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  target: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorBrandBackground2,
  },
});

/** What a finding's cell holds, with its row and the sheet's header row: the cell the finding means, outlined. */
export function CellPreviewBox({ p }: { p: CellPreview | null }) {
  const styles = useStyles();
  if (!p) return <Caption1>This cell could not be shown: run the checks again.</Caption1>;
  const value = p.row[p.at];
  return (
    // Focusable, so keyboard users can scroll it sideways at 320 px (WCAG 2.1.1; axe scrollable-region-focusable).
    <div className={styles.wrap} tabIndex={0} role="group" aria-label={`What ${p.sheet.trim()} ${p.cell} holds`}>
      <Caption1 block>
        {p.sheet.trim()}!{p.cell} holds {value === "" ? "nothing" : `“${value}”`}.
      </Caption1>
      <table className={styles.table} aria-label={`${p.sheet.trim()} row ${p.rowNumber}, around ${p.cell}`}>
        <thead>
          <tr>
            <th scope="col" className={`${styles.cell} ${styles.head}`}>
              Row
            </th>
            {p.columns.map((c) => (
              <th key={c} scope="col" className={`${styles.cell} ${styles.head}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.header && (
            <tr>
              <th scope="row" className={`${styles.cell} ${styles.head}`}>
                {p.headerRow}
              </th>
              {p.header.map((h, i) => (
                <td key={i} className={`${styles.cell} ${styles.head}`} title={h}>
                  {h}
                </td>
              ))}
            </tr>
          )}
          <tr>
            <th scope="row" className={`${styles.cell} ${styles.head}`}>
              {p.rowNumber}
            </th>
            {p.row.map((v, i) => (
              <td
                key={i}
                className={`${styles.cell} ${i === p.at ? styles.target : ""}`}
                title={v}
                aria-current={i === p.at ? "true" : undefined}
              >
                {v}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
