import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { checkWorkbook } from "../../src/taskpane/services/file-service";
import { plainError } from "../../src/taskpane/services/plain-errors";
import { SAMPLE_PATH } from "../support/sample";

/** A minimal Word document: the package parts a .docx holds (ECMA-376 Part 1: [Content_Types].xml, _rels/.rels, word/document.xml). */
async function wordDocument(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    "word/document.xml",
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("refusing a file that is not a workbook, in plain words", () => {
  it("says a Word document renamed .xlsx is a Word document", async () => {
    const bytes = await wordDocument();
    await expect(checkWorkbook({ name: "plan.xlsx", read: async () => bytes })).rejects.toThrow(
      /^plan\.xlsx cannot be opened: it is a Word document, not an Excel workbook, though its name ends in \.xlsx\./,
    );
  });

  it("calls a 0-byte file empty", async () => {
    await expect(checkWorkbook({ name: "plan.xlsx", read: async () => new Uint8Array() })).rejects.toThrow(
      /^plan\.xlsx is empty \(0 bytes\)/,
    );
  });

  it("still opens a real workbook", async () => {
    await expect(
      checkWorkbook({ name: "plan.xlsx", read: async () => new Uint8Array(readFileSync(SAMPLE_PATH)) }),
    ).resolves.toBeUndefined();
  });

  it("never shows the browser's clone or memory failures raw", () => {
    const clone = new DOMException(
      "Failed to execute 'postMessage' on 'Worker': Data cannot be cloned, out of memory.",
      "DataCloneError",
    );
    const text = plainError(clone, "check the workbook");
    expect(text).not.toMatch(/postMessage|cloned/);
    expect(text).toMatch(
      /^The workbook is too large for this pane to check the workbook: the browser ran out of memory\. Close other tabs/,
    );
    expect(plainError(new RangeError("Array buffer allocation failed"), "write the report")).toMatch(
      /ran out of memory/,
    );
    expect(plainError(new Error("Excel is busy."), "x")).toBe("Excel is busy.");
  });
});
