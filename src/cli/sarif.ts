import type { Analysis } from "../core/analysis/analyse";
import { CODE_NAMES, type DiagnosticCode } from "../core/primitives/diagnostic";

/**
 * The findings as SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), so CI systems
 * and editors can show them. A finding's place is a logical location, the cell as Excel writes
 * it ('Risk Log'!F5), in the workbook file as the artifact; errors are "error", warnings "warning",
 * info "note".
 */
export function toSarif(a: Analysis, file: string, toolVersion: string) {
  const codes = [...new Set(a.diagnostics.map((d) => d.code))].sort() as DiagnosticCode[];
  const uri = file.replace(/\\/g, "/");
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "PMO Highlights",
            semanticVersion: toolVersion.replace(/^pmo-highlights\s*/, "") || undefined,
            informationUri: "https://github.com/pmo-highlights/pmo-highlights/blob/main/docs/checks.md",
            rules: codes.map((id) => ({
              id,
              name: id,
              shortDescription: { text: CODE_NAMES[id] },
              helpUri: `https://github.com/pmo-highlights/pmo-highlights/blob/main/docs/checks.md#${id}`,
            })),
          },
        },
        artifacts: [{ location: { uri } }],
        results: a.diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: codes.indexOf(d.code),
          level: d.severity === "info" ? "note" : d.severity,
          message: { text: d.message },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri, index: 0 } },
              logicalLocations: [
                {
                  fullyQualifiedName: d.sheet
                    ? `'${d.sheet.replace(/'/g, "''")}'${d.cell ? `!${d.cell}` : ""}`
                    : "(workbook)",
                  kind: d.cell ? "cell" : "sheet",
                },
              ],
            },
          ],
          ...(d.entity ? { properties: { item: d.entity } } : {}),
        })),
        properties: { asOf: a.asOf, overall: a.overall },
      },
    ],
  };
}
