/**
 * The package layer of the file host: an .xlsx as its parts, found through relationships
 * (parts.ts: types, limits, one part as text or tree; rels.ts: relationships; open.ts: opening a
 * package and finding its workbook, sheets and markers; edit.ts: the changes a report makes, the
 * rest copied byte for byte).
 */
export * from "./edit";
export * from "./open";
export * from "./parts";
export * from "./rels";
