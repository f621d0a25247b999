/**
 * The facts of manifest.xml (the add-in only manifest) that the unified manifest is generated
 * from: a small XML reader (elements, attributes, text; comments and the declaration skipped),
 * then the values read by element name, resids resolved through <Resources>.
 *
 * Only what manifest.xml uses is supported; anything else (custom tabs, menus, a task pane page
 * other than the default one, localised strings that differ from the default) throws, so the
 * generator can never silently drop a part of the add-in.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e[0] === "#"
      ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : ENTITIES[e],
  );

/** Parses well-formed XML into a tree; throws on a mismatched or unclosed element. */
export function parseXml(xml: string): XmlElement {
  const body = xml
    .replace(/^\uFEFF/, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  const token = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    const [, close, name, attrText, self, text, stray] = m;
    const top = stack[stack.length - 1];
    if (stray) throw new Error(`manifest.xml: unreadable markup at character ${m.index}`);
    if (text !== undefined) {
      top.text += decode(text);
      continue;
    }
    if (close) {
      if (top.name !== name) throw new Error(`manifest.xml: </${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
    const el: XmlElement = { name, attrs, children: [], text: "" };
    top.children.push(el);
    if (!self) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`manifest.xml: <${stack[stack.length - 1].name}> is never closed`);
  const elements = root.children;
  if (elements.length !== 1) throw new Error("manifest.xml: expected one root element");
  return elements[0];
}

const local = (name: string) => name.replace(/^[\w.-]+:/, "");
export const kids = (el: XmlElement, name: string) => el.children.filter((c) => local(c.name) === name);
export function kid(el: XmlElement, name: string): XmlElement {
  const found = kids(el, name);
  if (found.length !== 1)
    throw new Error(`manifest.xml: <${el.name}> has ${found.length} <${name}> elements, expected one`);
  return found[0];
}
const optKid = (el: XmlElement, name: string) => kids(el, name)[0];
const attr = (el: XmlElement, a: string) => {
  const v = el.attrs[a];
  if (v === undefined) throw new Error(`manifest.xml: <${el.name}> has no ${a}`);
  return v;
};
const text = (el: XmlElement) => el.text.trim();

export interface Icon {
  size: number;
  url: string;
}

export type XmlAction =
  { type: "ShowTaskpane"; taskpaneId: string; url: string } | { type: "ExecuteFunction"; functionName: string };

export interface XmlControl {
  id: string;
  label: string;
  supertip: { title: string; description: string };
  icons: Icon[];
  action: XmlAction;
}

export interface XmlGroup {
  id: string;
  label: string;
  icons: Icon[];
  controls: XmlControl[];
}

/** What the unified manifest is made from, as manifest.xml states it. */
export interface AddinFacts {
  id: string;
  /** As written, four parts (0.1.0.0). */
  version: string;
  providerName: string;
  defaultLocale: string;
  displayName: string;
  description: string;
  iconUrl: string;
  highResolutionIconUrl: string;
  supportUrl: string;
  appDomains: string[];
  /** Host names (Workbook). */
  hosts: string[];
  requirementSets: { name: string; minVersion: string }[];
  sourceLocation: string;
  permissions: string;
  getStarted: { title: string; description: string; learnMoreUrl: string };
  functionFileUrl: string;
  /** Built-in tabs (OfficeTab id) and their groups, from the desktop PrimaryCommandSurface. */
  tabs: { builtInTabId: string; groups: XmlGroup[] }[];
  /** Every locale named in an Override. */
  overrideLocales: string[];
}

/** Reads the facts, checking every localised Override repeats its default (no language file is generated). */
export function readXmlFacts(xml: string): AddinFacts {
  const app = parseXml(xml);
  if (app.name !== "OfficeApp" || app.attrs["xsi:type"] !== "TaskPaneApp")
    throw new Error("manifest.xml: expected a TaskPaneApp <OfficeApp>");

  const overrideLocales = new Set<string>();
  const localised = (el: XmlElement): string => {
    const value = attr(el, "DefaultValue");
    for (const o of kids(el, "Override")) {
      overrideLocales.add(attr(o, "Locale"));
      if (attr(o, "Value") !== value)
        throw new Error(
          `manifest.xml: the ${attr(o, "Locale")} text of <${el.name}${el.attrs.id ? ` id="${el.attrs.id}"` : ""}> differs from its default; the unified manifest would need a localisation file (localizationInfo.additionalLanguages), which this generator does not write`,
        );
    }
    return value;
  };

  const vo = kid(app, "VersionOverrides");
  const resources = kid(vo, "Resources");
  const res = new Map<string, XmlElement>();
  for (const group of resources.children) for (const r of group.children) res.set(attr(r, "id"), r);
  const resolve = (el: XmlElement) => {
    const id = attr(el, "resid");
    const r = res.get(id);
    if (!r) throw new Error(`manifest.xml: resid ${id} is not defined`);
    return localised(r);
  };
  const icons = (el: XmlElement): Icon[] =>
    kids(kid(el, "Icon"), "Image").map((i) => ({ size: Number(attr(i, "size")), url: resolve(i) }));

  const voHosts = kids(kid(vo, "Hosts"), "Host");
  if (voHosts.length !== 1) throw new Error("manifest.xml: expected one <Host> in <VersionOverrides>");
  const desktop = kid(voHosts[0], "DesktopFormFactor");
  const gs = kid(desktop, "GetStarted");

  const sourceLocation = localised(kid(kid(app, "DefaultSettings"), "SourceLocation"));
  const tabs: AddinFacts["tabs"] = [];
  for (const ep of kids(desktop, "ExtensionPoint")) {
    if (ep.attrs["xsi:type"] !== "PrimaryCommandSurface")
      throw new Error(`manifest.xml: extension point ${ep.attrs["xsi:type"]} is not supported by the generator`);
    if (kids(ep, "CustomTab").length) throw new Error("manifest.xml: <CustomTab> is not supported by the generator");
    for (const tab of kids(ep, "OfficeTab")) {
      const groups = kids(tab, "Group").map((g) => ({
        id: attr(g, "id"),
        label: resolve(kid(g, "Label")),
        icons: icons(g),
        controls: kids(g, "Control").map((c): XmlControl => {
          if (c.attrs["xsi:type"] !== "Button")
            throw new Error(`manifest.xml: control type ${c.attrs["xsi:type"]} is not supported by the generator`);
          const action = kid(c, "Action");
          const supertip = kid(c, "Supertip");
          let a: XmlAction;
          if (action.attrs["xsi:type"] === "ShowTaskpane") {
            a = {
              type: "ShowTaskpane",
              taskpaneId: text(kid(action, "TaskpaneId")),
              url: resolve(kid(action, "SourceLocation")),
            };
            if (a.url !== sourceLocation)
              throw new Error(
                "manifest.xml: a task pane other than the default page is not supported by the generator",
              );
          } else if (action.attrs["xsi:type"] === "ExecuteFunction")
            a = { type: "ExecuteFunction", functionName: text(kid(action, "FunctionName")) };
          else
            throw new Error(`manifest.xml: action type ${action.attrs["xsi:type"]} is not supported by the generator`);
          return {
            id: attr(c, "id"),
            label: resolve(kid(c, "Label")),
            supertip: { title: resolve(kid(supertip, "Title")), description: resolve(kid(supertip, "Description")) },
            icons: icons(c),
            action: a,
          };
        }),
      }));
      tabs.push({ builtInTabId: attr(tab, "id"), groups });
    }
  }

  const sets = kid(kid(app, "Requirements"), "Sets");
  const functionFile = optKid(desktop, "FunctionFile");
  return {
    id: text(kid(app, "Id")),
    version: text(kid(app, "Version")),
    providerName: text(kid(app, "ProviderName")),
    defaultLocale: text(kid(app, "DefaultLocale")),
    displayName: localised(kid(app, "DisplayName")),
    description: localised(kid(app, "Description")),
    iconUrl: localised(kid(app, "IconUrl")),
    highResolutionIconUrl: localised(kid(app, "HighResolutionIconUrl")),
    supportUrl: localised(kid(app, "SupportUrl")),
    appDomains: kids(kid(app, "AppDomains"), "AppDomain").map(text),
    hosts: kids(kid(app, "Hosts"), "Host").map((h) => attr(h, "Name")),
    requirementSets: kids(sets, "Set").map((s) => ({
      name: attr(s, "Name"),
      minVersion: s.attrs.MinVersion ?? attr(sets, "DefaultMinVersion"),
    })),
    sourceLocation,
    permissions: text(kid(app, "Permissions")),
    getStarted: {
      title: resolve(kid(gs, "Title")),
      description: resolve(kid(gs, "Description")),
      learnMoreUrl: resolve(kid(gs, "LearnMoreUrl")),
    },
    functionFileUrl: functionFile ? resolve(functionFile) : "",
    tabs,
    overrideLocales: [...overrideLocales].sort(),
  };
}
