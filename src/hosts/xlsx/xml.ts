/** The little XML the .xlsx host needs: escaping, entity decoding and attribute reading. */

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes XML entities and OOXML's _xHHHH_ escapes for control characters. */
export function decodeXml(s: string): string {
  let out = s.indexOf("&") >= 0 ? s.replace(ENTITY, (_, dec, hex, name) => (name ? NAMED[name] : String.fromCodePoint(Number.parseInt(dec ?? hex, dec ? 10 : 16)))) : s;
  if (out.indexOf("_x") >= 0) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));
  return out;
}

/** Escapes text for an element's content or an attribute, dropping characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Reads one attribute (namespace prefixes ignored) from an element's attribute text. */
export function attr(attrs: string, name: string): string | null {
  const re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(attrs);
  return m ? decodeXml(m[1] ?? m[2]) : null;
}

/** Every element with the given local name: its attribute text and inner XML. */
export function elements(xml: string, local: string): { attrs: string; inner: string }[] {
  const re = new RegExp(`<(?:[\\w]+:)?${local}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/(?:[\\w]+:)?${local}>)`, "g");
  const out: { attrs: string; inner: string }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push({ attrs: m[1], inner: m[2] ?? "" });
  return out;
}

/** The text of a rich or plain string item: every <t> run joined, phonetic runs left out. */
export function stringItemText(inner: string): string {
  const body = inner.indexOf("rPh") >= 0 ? inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : inner;
  let out = "";
  const re = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out += m[1] ?? "";
  return decodeXml(out);
}
