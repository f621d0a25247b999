/**
 * A message of one or more lines: the plain explanation first, then (from the Excel host) a
 * "Details: …" line with Excel's own code and message, each on its own line.
 */
export function Lines({ text }: { text: string }) {
  const [first, ...rest] = text.split("\n");
  return (
    <>
      {first}
      {rest.map((line, i) => (
        <span key={i} style={{ display: "block", marginTop: 4, fontSize: "0.9em" }}>
          {line}
        </span>
      ))}
    </>
  );
}
