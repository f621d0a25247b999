import { Badge } from "@fluentui/react-components";
import type { Rag } from "../../core/rag/scale";

const COLOUR = { Red: "danger", Amber: "warning", Green: "success", Blue: "brand" } as const;

/** A RAG rating as a word and a colour, never colour alone. */
export function RagBadge({ rag }: { rag: Rag | null }) {
  if (!rag)
    return (
      <Badge appearance="outline" color="informative">
        No rating
      </Badge>
    );
  return (
    <Badge appearance="filled" color={COLOUR[rag]} aria-label={`RAG ${rag}`}>
      {rag}
    </Badge>
  );
}
