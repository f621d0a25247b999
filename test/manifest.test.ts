import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The offline manifest check (office-addin-manifest validate needs the internet):
 * it parses, has a GUID, asks only for ReadWriteDocument, points only at https, its icons
 * exist in assets/, and every resid resolves to a resource.
 */
const ROOT = join(__dirname, "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

const tags = (name: string) => [...xml.matchAll(new RegExp(`<${name}\\b([^>]*)>`, "g"))].map((m) => m[1]);
const attrOf = (attrs: string, a: string) => new RegExp(`\\b${a}="([^"]*)"`).exec(attrs)?.[1];

describe("manifest.xml", () => {
  it("is well-formed XML (every element closed in order)", () => {
    const stack: string[] = [];
    const body = xml.replace(/<\?xml[^>]*\?>/, "").replace(/<!--[\s\S]*?-->/g, "");
    for (const m of body.matchAll(/<(\/?)([\w:.]+)[^>]*?(\/?)>/g)) {
      const [, close, name, self] = m;
      if (self) continue;
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name);
    }
    expect(stack).toEqual([]);
  });

  it("is a task-pane add-in for Excel with a GUID Id and ReadWriteDocument only", () => {
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
    expect(/<Id>([^<]+)<\/Id>/.exec(xml)?.[1]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
    );
    expect(/<Permissions>([^<]+)<\/Permissions>/.exec(xml)?.[1]).toBe("ReadWriteDocument");
    expect(xml).toMatch(/<Host Name="Workbook"\/>/);
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.8"\/>/);
  });

  it("points only at https addresses", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]*)"/g)].map((m) => m[1]);
    urls.push(...[...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  it("has every icon it names in assets/", () => {
    const icons = [...xml.matchAll(/"https:\/\/[^/"]+\/(assets\/[^"]+\.png)"/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const i of icons) expect(existsSync(join(ROOT, i))).toBe(true);
  });

  it("resolves every resid, and defines no resource twice", () => {
    const ids = [...tags("bt:Image"), ...tags("bt:Url"), ...tags("bt:String")]
      .map((a) => attrOf(a, "id"))
      .filter((x): x is string => !!x);
    expect(new Set(ids).size).toBe(ids.length);
    const resids = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(resids.length).toBeGreaterThan(5);
    for (const r of resids) expect(ids).toContain(r);
  });

  it("keeps short strings within Office's 125-character and long strings within 250", () => {
    const short = /<bt:ShortStrings>([\s\S]*?)<\/bt:ShortStrings>/.exec(xml)![1];
    const long = /<bt:LongStrings>([\s\S]*?)<\/bt:LongStrings>/.exec(xml)![1];
    for (const m of short.matchAll(/Value="([^"]*)"/g)) expect(m[1].length).toBeLessThanOrEqual(125);
    for (const m of long.matchAll(/Value="([^"]*)"/g)) expect(m[1].length).toBeLessThanOrEqual(250);
  });
});
