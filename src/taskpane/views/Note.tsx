import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/**
 * A message bar of one or more lines: the plain explanation first, then (from the Excel host) a
 * "Details: …" line with Excel's own code and message, on a line of its own. Errors that end a
 * run are alerts (announced at once); notes after an action are not.
 */
export function Note({
  intent,
  text,
  alert = false,
}: {
  intent: "success" | "error" | "warning";
  text: string;
  alert?: boolean;
}) {
  const [first, ...rest] = text.split("\n");
  return (
    <MessageBar intent={intent} role={alert ? "alert" : undefined}>
      <MessageBarBody>
        {first}
        {rest.map((line, i) => (
          <span key={i} style={{ display: "block", marginTop: 4, fontSize: "0.9em" }}>
            {line}
          </span>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
