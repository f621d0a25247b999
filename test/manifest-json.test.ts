import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { chunk, png } from "../scripts/make-icons";
import {
  associatedNames,
  checkContextFrom,
  checkUnifiedManifest,
  readPng,
  type CheckContext,
} from "../scripts/manifest/check-json";
import { buildUnifiedManifest, semverOf, serialiseManifest, unifiedId } from "../scripts/manifest/unified";
import { parseXml, readXmlFacts } from "../scripts/manifest/xml-facts";

/**
 * manifest.json, the unified manifest for Microsoft 365, checked offline: generated from
 * manifest.xml (no drift), and passing our own schema checks (scripts/manifest/check-json.ts),
 * which must also catch real defects (the mutations below).
 */
const ROOT = join(__dirname, "..");
const committed = readFileSync(join(ROOT, "manifest.json"), "utf8");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const ctx = checkContextFrom(ROOT);
/** A parsed manifest, mutated freely by the cases below. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON walked by path in every case
type Manifest = any;
const fresh = () => JSON.parse(committed) as Record<string, Manifest>;
const check = (m: unknown, c: CheckContext = ctx) => checkUnifiedManifest(m, c);

describe("manifest.json", () => {
  it("is exactly what manifest.xml generates (npm run manifest:json)", () => {
    expect(committed).toBe(serialiseManifest(buildUnifiedManifest(readXmlFacts(xml))));
  });

  it("passes the offline schema checks", () => {
    expect(check(fresh())).toEqual([]);
  });

  it("carries manifest.xml's facts", () => {
    const m = fresh();
    const x = readXmlFacts(xml);
    expect(x.requirementSets).toEqual([{ name: "ExcelApi", minVersion: "1.8" }]);
    expect(m.extensions[0].requirements).toEqual({
      scopes: ["workbook"],
      capabilities: [{ name: "ExcelApi", minVersion: "1.8" }],
    });
    expect(m.authorization.permissions.resourceSpecific).toEqual([
      { name: "Document.ReadWrite.User", type: "Delegated" },
    ]);
    expect(m.version).toBe("0.1.0");
    expect(m.id).not.toBe(x.id);
    expect(m.extensions[0].alternates[0].hide.customOfficeAddin.officeAddinId).toBe(x.id);
    const actions = m.extensions[0].runtimes.flatMap((r: { actions: { id: string; type: string }[] }) => r.actions);
    expect(
      actions.filter((a: { type: string }) => a.type === "executeFunction").map((a: { id: string }) => a.id),
    ).toEqual(["runChecks", "generateReport"]);
  });

  it("asks for the ExcelApi minimum that the pane enforces at run time (src/hosts/office/requirements.ts)", () => {
    const req = readFileSync(join(ROOT, "src", "hosts", "office", "requirements.ts"), "utf8");
    const enforced = /if \(!isSetSupported\("ExcelApi", "([\d.]+)"\)\)\s*throw/.exec(req)?.[1];
    expect(enforced).toBe(fresh().extensions[0].requirements.capabilities[0].minVersion);
  });

  it("has manifest.xml's function names equal to the names src/commands associates", () => {
    const names = [...xml.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(names.sort()).toEqual([...ctx.associated].sort());
    expect(ctx.associated.sort()).toEqual(["generateReport", "runChecks"]);
  });

  it("names app icons of the schema's sizes: color 192x192, outline 32x32 white on transparent", () => {
    const color = readPng(readFileSync(join(ROOT, fresh().icons.color)))!;
    const outline = readPng(readFileSync(join(ROOT, fresh().icons.outline)))!;
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
    const alphas = new Set<number>();
    for (let i = 3; i < outline.rgba!.length; i += 4) alphas.add(outline.rgba![i]);
    expect([...alphas].sort()).toEqual([0, 255]);
  });
});

describe("the offline checks catch defects", () => {
  const flags = (mutate: (m: Record<string, Manifest>) => void, c: CheckContext = ctx) => {
    const m = fresh();
    mutate(m);
    return check(m, c).join("\n");
  };

  it.each([
    ["a missing required property", (m: Manifest) => delete m.accentColor, /accentColor: required/],
    [
      "a property the schema does not have",
      (m: Manifest) => (m.permission = ["identity"]),
      /permission: not a property of the schema/,
    ],
    ["an id that is not a GUID", (m: Manifest) => (m.id = "pmo-highlights"), /id: not a GUID/],
    [
      "the XML add-in's own id",
      (m: Manifest) => (m.id = "5d7e3c1a-8b2f-4c6e-9a41-2f0b7d93c5e8"),
      /id: is the XML add-in's id/,
    ],
    ["a four-part version", (m: Manifest) => (m.version = "0.1.0.0"), /version: 0\.1\.0\.0 is not MAJOR\.MINOR\.PATCH/],
    ["a pre-release version", (m: Manifest) => (m.version = "0.1.0-beta"), /version: .* is not MAJOR/],
    ["a version part of six digits", (m: Manifest) => (m.version = "100000.0.0"), /version: .* at most five digits/],
    [
      "a short name over 30 characters",
      (m: Manifest) => (m.name.short = "PMO Highlights for Programme Boards"),
      /name\.short: 35 characters, at most 30/,
    ],
    [
      "a short description over 80 characters",
      (m: Manifest) => (m.description.short = m.description.full),
      /description\.short: \d+ characters, at most 80/,
    ],
    [
      "a full description over 4000 characters",
      (m: Manifest) => (m.description.full = "x".repeat(4001)),
      /description\.full: 4001 characters, at most 4000/,
    ],
    [
      "a description that is not manifest.xml's",
      (m: Manifest) => (m.description.full = "Something else."),
      /description\.full: .* differs from manifest\.xml's Description/,
    ],
    [
      "an http address",
      (m: Manifest) => (m.extensions[0].runtimes[0].code.page = "http://localhost:3000/taskpane.html"),
      /runtimes\[0\]\.code\.page: .* is not an https address/,
    ],
    [
      "an address outside validDomains",
      (m: Manifest) => (m.developer.privacyUrl = "https://example.com/privacy"),
      /developer\.privacyUrl: .* is outside validDomains/,
    ],
    [
      "an icon URL for an absent file",
      (m: Manifest) =>
        (m.extensions[0].ribbons[0].tabs[0].groups[0].icons[0].url = "https://localhost:3000/assets/icon-17.png"),
      /icons\[0\]\.url: file .*icon-17\.png not found/,
    ],
    [
      "an icon of the wrong size",
      (m: Manifest) =>
        (m.extensions[0].ribbons[0].tabs[0].groups[0].icons[1].url = "https://localhost:3000/assets/icon-64.png"),
      /icons\[1\]\.url: .*icon-64\.png is 64x64, expected 32x32/,
    ],
    [
      "a missing 80-pixel ribbon icon",
      (m: Manifest) => m.extensions[0].ribbons[0].tabs[0].groups[0].controls[0].icons.pop(),
      /controls\[0\]\.icons: 2 icons, 3 to 8 allowed[\s\S]*no 80-pixel icon/,
    ],
    [
      "a colour icon that is not 192x192",
      (m: Manifest) => (m.icons.color = "assets/icon-128.png"),
      /icons\.color: .*icon-128\.png is 128x128, expected 192x192/,
    ],
    [
      "a coloured outline icon",
      (m: Manifest) => (m.icons.outline = "assets/icon-32.png"),
      /icons\.outline: \d+ pixels are neither white nor transparent/,
    ],
    [
      "an icon given as a URL",
      (m: Manifest) => (m.icons.color = "https://localhost:3000/assets/icon-color-192.png"),
      /icons\.color: must be a relative path/,
    ],
    [
      "a ribbon action no runtime has",
      (m: Manifest) => (m.extensions[0].ribbons[0].tabs[0].groups[0].controls[2].actionId = "generateReports"),
      /controls\[2\]\.actionId: generateReports is no runtime's action/,
    ],
    [
      "a function action src/commands does not associate",
      (m: Manifest) => (m.extensions[0].runtimes[1].actions[1].id = "makeReport"),
      /executeFunction actions\): \["makeReport","runChecks"\] differs from manifest\.xml's src\/commands/,
    ],
    [
      "a runtime id used twice",
      (m: Manifest) => (m.extensions[0].runtimes[1].id = "TaskPaneRuntime"),
      /runtimes\[1\]\.id: TaskPaneRuntime used twice/,
    ],
    [
      "an Outlook context on Excel's ribbon",
      (m: Manifest) => (m.extensions[0].ribbons[0].contexts = ["mailRead"]),
      /contexts: mailRead is not an Excel context/,
    ],
    [
      "a supertip over 128 characters",
      (m: Manifest) =>
        (m.extensions[0].ribbons[0].tabs[0].groups[0].controls[1].supertip.description = "y".repeat(129)),
      /supertip\.description: 129 characters, at most 128/,
    ],
    [
      "a lower ExcelApi minimum than manifest.xml's",
      (m: Manifest) => (m.extensions[0].requirements.capabilities[0].minVersion = "1.7"),
      /requirements\.capabilities: .* differs from manifest\.xml's Requirements/,
    ],
    [
      "another permission level",
      (m: Manifest) => (m.authorization.permissions.resourceSpecific[0].name = "Document.Read.User"),
      /resourceSpecific\[0\]\.name: .* differs from manifest\.xml's Permissions ReadWriteDocument/,
    ],
    [
      "no link to the XML add-in",
      (m: Manifest) => delete m.extensions[0].alternates[0].hide,
      /alternates: does not hide the XML add-in/,
    ],
    [
      "alternate icons of the wrong size",
      (m: Manifest) =>
        (m.extensions[0].alternates[0].alternateIcons.highResolutionIcon.url =
          "https://localhost:3000/assets/icon-80.png"),
      /highResolutionIcon\.url: .*icon-80\.png is 80x80, expected 64x64/,
    ],
    [
      "a renamed ribbon button",
      (m: Manifest) => (m.extensions[0].ribbons[0].tabs[0].groups[0].controls[1].label = "Check"),
      /ribbons \(controls\): .* differs from manifest\.xml's ribbon controls/,
    ],
    ["a second extension", (m: Manifest) => m.extensions.push({}), /extensions: 2 extensions, expected 1/],
  ] as [string, (m: Manifest) => void, RegExp][])("flags %s", (_, mutate, expected) => {
    expect(flags(mutate)).toMatch(expected);
  });

  it("flags a function command added to manifest.xml and src/commands but not regenerated", () => {
    const c = { ...ctx, associated: [...ctx.associated, "exportBoard"] };
    expect(flags(() => undefined, c)).toMatch(/executeFunction actions\).*differs/);
  });

  it("flags an outline icon with no transparent pixel", () => {
    const dir = mkdtempSync(join(tmpdir(), "pmo-manifest-"));
    mkdirSync(join(dir, "assets"));
    copyFileSync(join(ROOT, "assets", "icon-color-192.png"), join(dir, "assets", "icon-color-192.png"));
    writeFileSync(
      join(dir, "assets", "icon-outline-32.png"),
      png(32, () => [255, 255, 255, 255]),
    );
    expect(check(fresh(), { ...ctx, root: dir }).join("\n")).toMatch(/icons\.outline: has no transparent pixel/);
  });

  it("reads PNG pixels through all five row filters", () => {
    const size = 9;
    const pixel = (x: number, y: number) => [
      (x * 37 + y * 11) & 0xff,
      (x * 5 + y * 73) & 0xff,
      (x * y * 13) & 0xff,
      (x + y) % 3 ? 255 : 0,
    ];
    const rows: number[] = [];
    const at = (x: number, y: number, c: number) => (x < 0 || y < 0 ? 0 : pixel(x, y)[c]);
    for (let y = 0; y < size; y++) {
      const f = y % 5;
      rows.push(f);
      for (let x = 0; x < size; x++)
        for (let c = 0; c < 4; c++) {
          const a = at(x - 1, y, c);
          const b = at(x, y - 1, c);
          const d = at(x - 1, y - 1, c);
          const p = a + b - d;
          const paeth =
            Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - d)
              ? a
              : Math.abs(p - b) <= Math.abs(p - d)
                ? b
                : d;
          const pred = [0, a, b, (a + b) >> 1, paeth][f];
          rows.push((pixel(x, y)[c] - pred) & 0xff);
        }
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(size, 0);
    ihdr.writeUInt32BE(size, 4);
    ihdr[8] = 8;
    ihdr[9] = 6;
    const file = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(Buffer.from(rows))),
      chunk("IEND", Buffer.alloc(0)),
    ]);
    const read = readPng(file)!;
    const expected: number[] = [];
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) expected.push(...pixel(x, y));
    expect([read.width, read.height]).toEqual([size, size]);
    expect([...read.rgba!]).toEqual(expected);
    expect(readPng(Buffer.from("not a png at all, not a png at all"))).toBeUndefined();
  });
});

describe("the generator's reading of manifest.xml", () => {
  it("parses manifest.xml into one OfficeApp tree and refuses broken XML", () => {
    expect(parseXml(xml).name).toBe("OfficeApp");
    expect(() => parseXml("<a><b></a>")).toThrow(/closes/);
    expect(() => parseXml("<a><b>")).toThrow(/never closed/);
  });

  it("refuses a localised string that differs from its default (no language file is written)", () => {
    const changed = xml.replace(
      '<bt:Override Locale="en-GB" Value="Run Checks"/>',
      '<bt:Override Locale="en-GB" Value="Run the checks"/>',
    );
    expect(changed).not.toBe(xml);
    expect(() => readXmlFacts(changed)).toThrow(/en-GB text .* differs from its default/);
  });

  it("refuses what it cannot carry over: a menu control, a four-part version", () => {
    expect(() =>
      readXmlFacts(
        xml.replace('xsi:type="Button" id="PmoHighlights.RunChecks"', 'xsi:type="Menu" id="PmoHighlights.RunChecks"'),
      ),
    ).toThrow(/Menu is not supported/);
    expect(() => semverOf("0.1.0.1")).toThrow(/fourth part/);
    expect(semverOf("1.2")).toBe("1.2.0");
  });

  it("derives a stable version-5 GUID for the unified app from the XML id", () => {
    const id = unifiedId("5d7e3c1a-8b2f-4c6e-9a41-2f0b7d93c5e8");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(unifiedId("5d7e3c1a-8b2f-4c6e-9a41-2f0b7d93c5e8")).toBe(id);
    expect(unifiedId("00000000-0000-4000-8000-000000000000")).not.toBe(id);
  });

  it("reads the associate names from source", () => {
    expect(associatedNames(`Office.actions.associate("a", f);\nOffice.actions.associate( 'b', g)`)).toEqual(["a", "b"]);
  });
});
