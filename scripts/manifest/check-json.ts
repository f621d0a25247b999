/**
 * Our own offline schema checks for manifest.json (the unified manifest for Microsoft 365). Not a
 * JSON Schema engine: the fields and constraints the add-in uses, as the documentation and the
 * schema state them, plus the cross-checks no schema can make (manifest.xml's facts, the functions
 * src/commands registers, the icon files' real sizes). Each rule names its source:
 *
 * [schema]   OfficeDev/microsoft-teams-app-schema MicrosoftTeams.schema.json v1.29
 * [overview] office-js-docs-pr docs/develop/unified-manifest-overview.md
 * [convert]  office-js-docs-pr docs/develop/convert-xml-to-json-manifest.md
 * [commands] office-js-docs-pr docs/develop/create-addin-commands-unified-manifest.md
 * [perms]    office-js-docs-pr docs/develop/requesting-permissions-for-api-use-in-content-and-task-pane-add-ins.md
 * [both]     office-js-docs-pr docs/concepts/duplicate-legacy-metaos-add-ins.md
 *
 * `npm run validate:json` adds Microsoft's own JSON schema check (office-addin-manifest, with the
 * v1.29 schema bundled, offline). What only sideloading can confirm is listed in docs/office-host.md.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { MANIFEST_VERSION, PERMISSIONS, SCOPES, unifiedId, semverOf } from "./unified";
import { readXmlFacts, type AddinFacts } from "./xml-facts";

export interface CheckContext {
  /** Where manifest.json's relative paths and the assets/ of icon URLs are found. */
  root: string;
  xml: AddinFacts;
  /** The names src/commands registers with Office.actions.associate. */
  associated: string[];
}

/** The names registered with Office.actions.associate in a source file. */
export const associatedNames = (source: string) =>
  [...source.matchAll(/Office\.actions\.associate\(\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]);

export function checkContextFrom(root: string): CheckContext {
  return {
    root,
    xml: readXmlFacts(readFileSync(join(root, "manifest.xml"), "utf8")),
    associated: associatedNames(readFileSync(join(root, "src", "commands", "commands.ts"), "utf8")),
  };
}

// ---------------------------------------------------------------- PNG

export interface Png {
  width: number;
  height: number;
  /** RGBA per pixel, when the file could be decoded (8-bit, not interlaced). */
  rgba?: Uint8Array;
}

/** Reads a PNG's IHDR and, for 8-bit non-interlaced images, its pixels (all five filter types). */
export function readPng(buf: Buffer): Png | undefined {
  if (
    buf.length < 33 ||
    buf.readUInt32BE(0) !== 0x89504e47 ||
    buf.readUInt32BE(4) !== 0x0d0a1a0a ||
    buf.toString("ascii", 12, 16) !== "IHDR"
  )
    return undefined;
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const [depth, colour, , , interlace] = buf.subarray(24, 29);
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colour];
  if (depth !== 8 || !channels || interlace !== 0) return { width, height };
  const idat: Buffer[] = [];
  for (let o = 8; o + 8 <= buf.length;) {
    const len = buf.readUInt32BE(o);
    const type = buf.toString("ascii", o + 4, o + 8);
    if (type === "IDAT") idat.push(buf.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch {
    return { width, height };
  }
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) return { width, height };
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? px[y * stride + x - channels] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const pred =
        f === 0
          ? 0
          : f === 1
            ? a
            : f === 2
              ? b
              : f === 3
                ? (a + b) >> 1
                : Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
                  ? a
                  : Math.abs(p - b) <= Math.abs(p - c)
                    ? b
                    : c;
      px[y * stride + x] = (v + pred) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = px.subarray(i * channels, i * channels + channels);
    const [r, g, b, a] =
      channels === 1
        ? [s[0], s[0], s[0], 255]
        : channels === 2
          ? [s[0], s[0], s[0], s[1]]
          : channels === 3
            ? [s[0], s[1], s[2], 255]
            : [s[0], s[1], s[2], s[3]];
    rgba.set([r, g, b, a], i * 4);
  }
  return { width, height, rgba };
}

// ---------------------------------------------------------------- checks

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Json => (isObj(v) ? v : {});
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/; // [schema] definitions.guid
const SEMVER = /^(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})$/; // [schema] definitions.semver; [convert] at most five digits, no pre-release
const HEX = /^#[0-9a-fA-F]{6}$/; // [schema] definitions.hexColor
const LANGUAGE = /^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8}){0,2}$/; // [schema] definitions.languageTag
/** [schema] the root properties (additionalProperties: false). */
const ROOT_KEYS = new Set(
  "$schema manifestVersion version id localizationInfo developer name description icons accentColor configurableTabs staticTabs bots connectors subscriptionOffer composeExtensions permissions devicePermissions validDomains webApplicationInfo graphConnector showLoadingIndicator isFullScreen activities supportsChannelFeatures supportedChannelTypes configurableProperties defaultBlockUntilAdminAction publisherDocsUrl defaultInstallScope defaultGroupCapability meetingExtensionDefinition authorization extensions dashboardCards intuneInfo copilotAgents agenticUserTemplates elementRelationshipSet backgroundLoadConfiguration agentConnectors agentSkills".split(
    " ",
  ),
);
const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80]; // [schema] extensionCommonIcon.size; [commands] 16, 32 and 80 required

/**
 * Every problem found, each as "path: what is wrong"; an empty list means the manifest passes.
 * `m` is the parsed manifest.json.
 */
export function checkUnifiedManifest(m: unknown, ctx: CheckContext): string[] {
  const out: string[] = [];
  const fail = (path: string, msg: string) => out.push(`${path}: ${msg}`);
  const str = (v: unknown, path: string, max?: number, required = true): v is string => {
    if (v === undefined && !required) return false;
    if (typeof v !== "string" || v === "") return (fail(path, "missing or not a string"), false);
    if (max !== undefined && v.length > max)
      return (fail(path, `${v.length} characters, at most ${max} allowed`), false);
    return true;
  };
  /** An id of up to 64 characters, not used before in `seen`. */
  const uniqueId = (v: unknown, path: string, seen: Set<string>) => {
    if (!str(v, path, 64)) return;
    if (seen.has(v)) fail(path, `${v} used twice`);
    seen.add(v);
  };
  const https = (v: unknown, path: string) => {
    if (str(v, path, 2048) && !/^https:\/\/[^/\s]+/.test(v)) fail(path, `${v} is not an https address`);
  };
  const same = (actual: unknown, expected: unknown, path: string, what: string) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      fail(path, `${JSON.stringify(actual)} differs from manifest.xml's ${what} (${JSON.stringify(expected)})`);
  };
  /** The file behind a URL on the add-in's own server: https://host/assets/x.png → <root>/assets/x.png. */
  const localFile = (url: string) => {
    const path = /^https:\/\/[^/]+\/(.*)$/.exec(url)?.[1];
    return path ? join(ctx.root, path) : undefined;
  };
  const png = (file: string | undefined, path: string, size: number): Png | undefined => {
    if (!file || !existsSync(file)) return (fail(path, `file ${file ?? "(none)"} not found`), undefined);
    const p = readPng(readFileSync(file));
    if (!p) return (fail(path, `${file} is not a PNG`), undefined);
    if (p.width !== size || p.height !== size)
      fail(path, `${file} is ${p.width}x${p.height}, expected ${size}x${size}`);
    return p;
  };
  const iconList = (v: unknown, path: string) => {
    const list = arr(v);
    if (list.length < 3 || list.length > 8) fail(path, `${list.length} icons, 3 to 8 allowed`); // [schema]
    const sizes = list.map((i) => obj(i).size);
    for (const need of [16, 32, 80]) if (!sizes.includes(need)) fail(path, `no ${need}-pixel icon`); // [commands]
    list.forEach((i, k) => {
      const { size, url } = obj(i);
      https(url, `${path}[${k}].url`);
      if (typeof size !== "number" || !ICON_SIZES.includes(size))
        fail(`${path}[${k}].size`, `${String(size)} is not one of ${ICON_SIZES.join(", ")}`);
      else if (typeof url === "string") png(localFile(url), `${path}[${k}].url`, size);
    });
  };
  const requirements = (v: unknown, path: string) => {
    if (v === undefined) return;
    const r = obj(v);
    for (const k of Object.keys(r))
      if (!["capabilities", "scopes", "formFactors"].includes(k)) fail(`${path}.${k}`, "not a requirements property");
    arr(r.capabilities).forEach((c, k) => {
      str(obj(c).name, `${path}.capabilities[${k}].name`, 128);
      if (obj(c).minVersion !== undefined && !/^\d+\.\d+$/.test(String(obj(c).minVersion)))
        fail(`${path}.capabilities[${k}].minVersion`, "not a requirement set version (n.n)");
    });
    for (const s of arr(r.scopes))
      if (!["mail", "workbook", "document", "presentation"].includes(String(s)))
        fail(`${path}.scopes`, `${String(s)} is not a scope`);
    for (const s of arr(r.formFactors))
      if (!["desktop", "mobile"].includes(String(s))) fail(`${path}.formFactors`, `${String(s)} is not a form factor`);
  };

  if (!isObj(m)) return ["manifest: not a JSON object"];
  const x = ctx.xml;

  // Root: required properties and no unknown ones [schema].
  for (const k of [
    "$schema",
    "manifestVersion",
    "version",
    "id",
    "developer",
    "name",
    "description",
    "icons",
    "accentColor",
  ])
    if (m[k] === undefined) fail(k, "required");
  for (const k of Object.keys(m)) if (!ROOT_KEYS.has(k)) fail(k, "not a property of the schema");
  if (m.manifestVersion !== MANIFEST_VERSION)
    fail("manifestVersion", `${String(m.manifestVersion)}, expected ${MANIFEST_VERSION}`);
  if (
    typeof m.$schema !== "string" ||
    !m.$schema.startsWith(
      `https://developer.microsoft.com/json-schemas/teams/v${String(m.manifestVersion)}/MicrosoftTeams.schema.json`,
    )
  )
    fail("$schema", `does not name the v${String(m.manifestVersion)} schema`);

  // id: a GUID [schema], new for the unified app [convert], derived from the XML id (scripts/manifest/unified.ts).
  if (typeof m.id !== "string" || !GUID.test(m.id)) fail("id", "not a GUID");
  else if (m.id.toLowerCase() === x.id.toLowerCase())
    fail("id", "is the XML add-in's id; the unified app needs its own GUID");
  else same(m.id, unifiedId(x.id), "id", "id (as derived)");

  // version: MAJOR.MINOR.PATCH [schema][convert], the XML version's first three parts.
  if (typeof m.version !== "string" || !SEMVER.test(m.version))
    fail("version", `${String(m.version)} is not MAJOR.MINOR.PATCH with at most five digits a part`);
  else same(m.version, semverOf(x.version), "version", "Version");

  // name, description [schema][convert].
  const name = obj(m.name);
  if (str(name.short, "name.short", 30)) same(name.short, x.displayName, "name.short", "DisplayName");
  str(name.full, "name.full", 100, false);
  const description = obj(m.description);
  str(description.short, "description.short", 80);
  if (str(description.full, "description.full", 4000))
    same(description.full, x.description, "description.full", "Description");

  // developer [schema]: name ≤ 32 (ProviderName), three https pages.
  const dev = obj(m.developer);
  if (str(dev.name, "developer.name", 32)) same(dev.name, x.providerName, "developer.name", "ProviderName");
  for (const k of ["websiteUrl", "privacyUrl", "termsOfUseUrl"]) https(dev[k], `developer.${k}`);

  // icons [schema]: relative paths in the app package; color 192x192, outline 32x32 transparent and white.
  const icons = obj(m.icons);
  for (const [k, size] of [
    ["color", 192],
    ["outline", 32],
  ] as const) {
    const rel = icons[k];
    if (!str(rel, `icons.${k}`, 2048)) continue;
    if (/^\w+:/.test(rel) || rel.startsWith("/") || rel.split(/[\\/]/).includes("..")) {
      fail(`icons.${k}`, "must be a relative path inside the app package");
      continue;
    }
    const p = png(join(ctx.root, rel), `icons.${k}`, size);
    if (k === "outline" && p?.rgba) {
      let bad = 0;
      let opaque = 0;
      for (let i = 0; i < p.rgba.length; i += 4) {
        const [r, g, b, a] = p.rgba.subarray(i, i + 4);
        if (a > 0) opaque++;
        if (a > 0 && (r < 250 || g < 250 || b < 250)) bad++;
      }
      if (bad) fail("icons.outline", `${bad} pixels are neither white nor transparent`);
      if (opaque === p.width * p.height) fail("icons.outline", "has no transparent pixel");
    }
  }
  if (typeof m.accentColor !== "string" || !HEX.test(m.accentColor)) fail("accentColor", "not #RRGGBB");

  // localizationInfo [schema]: the default locale of manifest.xml.
  if (m.localizationInfo !== undefined) {
    const tag = obj(m.localizationInfo).defaultLanguageTag;
    if (typeof tag !== "string" || !LANGUAGE.test(tag))
      fail("localizationInfo.defaultLanguageTag", "not a language tag");
    else same(tag.toLowerCase(), x.defaultLocale.toLowerCase(), "localizationInfo.defaultLanguageTag", "DefaultLocale");
  }

  // validDomains [overview][schema ≤ 100]: https, as manifest.xml's AppDomains.
  const domains = arr(m.validDomains);
  if (domains.length > 100) fail("validDomains", "more than 100");
  domains.forEach((d, k) => https(d, `validDomains[${k}]`));
  same(domains, x.appDomains, "validDomains", "AppDomains");

  // webApplicationInfo [schema]: only with an Entra ID app (none today).
  if (m.webApplicationInfo !== undefined) {
    const w = obj(m.webApplicationInfo);
    if (typeof w.id !== "string" || !GUID.test(w.id)) fail("webApplicationInfo.id", "not a GUID");
    if (w.resource !== undefined) str(w.resource, "webApplicationInfo.resource", 2048);
  }

  // authorization [perms][schema]: the XML <Permissions> level, delegated.
  const rsc = arr(obj(obj(m.authorization).permissions).resourceSpecific);
  const expected = PERMISSIONS[x.permissions];
  if (rsc.length !== 1)
    fail("authorization.permissions.resourceSpecific", `${rsc.length} permissions, expected exactly ${expected}`);
  rsc.forEach((p, k) => {
    const { name: n, type } = obj(p);
    if (!Object.values(PERMISSIONS).includes(String(n)))
      fail(`authorization.permissions.resourceSpecific[${k}].name`, `${String(n)} is not an add-in permission`);
    else same(n, expected, `authorization.permissions.resourceSpecific[${k}].name`, `Permissions ${x.permissions}`);
    if (type !== "Delegated") fail(`authorization.permissions.resourceSpecific[${k}].type`, "must be Delegated");
  });

  // extensions: one [schema maxItems 1].
  const exts = arr(m.extensions);
  if (exts.length !== 1) {
    fail("extensions", `${exts.length} extensions, expected 1`);
    return out;
  }
  const ext = obj(exts[0]);
  for (const k of Object.keys(ext))
    if (
      ![
        "requirements",
        "runtimes",
        "ribbons",
        "autoRunEvents",
        "alternates",
        "contentRuntimes",
        "getStartedMessages",
        "contextMenus",
        "keyboardShortcuts",
        "audienceClaimUrl",
      ].includes(k)
    )
      fail(`extensions[0].${k}`, "not a property of the schema");
  requirements(ext.requirements, "extensions[0].requirements");
  const req = obj(ext.requirements);
  same(
    req.scopes,
    x.hosts.map((h) => SCOPES[h]),
    "extensions[0].requirements.scopes",
    "Hosts",
  );
  same(req.capabilities, x.requirementSets, "extensions[0].requirements.capabilities", "Requirements");

  // runtimes [schema][commands]: unique ids, https pages, known action types; the function
  // actions exactly the names src/commands associates, on the page manifest.xml's FunctionFile names.
  const runtimes = arr(ext.runtimes).map(obj);
  if (runtimes.length < 1 || runtimes.length > 20)
    fail("extensions[0].runtimes", `${runtimes.length} runtimes, 1 to 20 allowed`);
  const actions = new Map<string, { type: unknown; page: unknown }>();
  const runtimeIds = new Set<string>();
  runtimes.forEach((r, i) => {
    const path = `extensions[0].runtimes[${i}]`;
    uniqueId(r.id, `${path}.id`, runtimeIds);
    requirements(r.requirements, `${path}.requirements`);
    if (r.type !== undefined && r.type !== "general") fail(`${path}.type`, "must be general");
    if (r.lifetime !== undefined && r.lifetime !== "short" && r.lifetime !== "long")
      fail(`${path}.lifetime`, "must be short or long");
    https(obj(r.code).page, `${path}.code.page`);
    arr(r.actions).forEach((a, k) => {
      const { id, type, view } = obj(a);
      if (!str(id, `${path}.actions[${k}].id`, 64)) return;
      if (actions.has(id)) fail(`${path}.actions[${k}].id`, `${id} used twice`);
      if (!["executeFunction", "openPage", "executeDataFunction"].includes(String(type)))
        fail(`${path}.actions[${k}].type`, `${String(type)} is not an action type`);
      if (type === "openPage") str(view, `${path}.actions[${k}].view`, 64);
      actions.set(id, { type, page: obj(r.code).page });
    });
  });
  const fns = [...actions].filter(([, a]) => a.type === "executeFunction");
  same(
    fns.map(([id]) => id).sort(),
    [...ctx.associated].sort(),
    "extensions[0].runtimes (executeFunction actions)",
    "src/commands Office.actions.associate names",
  );
  for (const [id, a] of fns)
    if (a.page !== x.functionFileUrl)
      fail(`action ${id}`, `runs in ${String(a.page)}, not manifest.xml's FunctionFile ${x.functionFileUrl}`);
  for (const [id, a] of actions)
    if (a.type === "openPage" && a.page !== x.sourceLocation)
      fail(`action ${id}`, `opens ${String(a.page)}, not manifest.xml's SourceLocation ${x.sourceLocation}`);

  // ribbons [schema][commands]: contexts, tabs, groups and controls; every actionId an action.
  const groupIds = new Set<string>();
  const controlIds = new Set<string>();
  let commands = 0;
  arr(ext.ribbons).forEach((rb, i) => {
    const path = `extensions[0].ribbons[${i}]`;
    const ribbon = obj(rb);
    requirements(ribbon.requirements, `${path}.requirements`);
    for (const c of arr(ribbon.contexts))
      if (c !== "default") fail(`${path}.contexts`, `${String(c)} is not an Excel context (only "default")`);
    const tabs = arr(ribbon.tabs).map(obj);
    if (!tabs.length) fail(`${path}.tabs`, "required");
    tabs.forEach((t, j) => {
      const tp = `${path}.tabs[${j}]`;
      if (t.builtInTabId === undefined && (t.id === undefined || t.label === undefined))
        fail(tp, "needs builtInTabId, or id and label");
      if (t.builtInTabId !== undefined) str(t.builtInTabId, `${tp}.builtInTabId`, 64);
      const groups = arr(t.groups).map(obj);
      if (groups.length < 1 || groups.length > 10) fail(`${tp}.groups`, `${groups.length} groups, 1 to 10 allowed`);
      groups.forEach((g, k) => {
        const gp = `${tp}.groups[${k}]`;
        uniqueId(g.id, `${gp}.id`, groupIds);
        str(g.label, `${gp}.label`, 64);
        iconList(g.icons, `${gp}.icons`);
        const controls = arr(g.controls).map(obj);
        if (controls.length < 1 || controls.length > 20)
          fail(`${gp}.controls`, `${controls.length} controls, 1 to 20 allowed`);
        controls.forEach((c, n) => {
          const cp = `${gp}.controls[${n}]`;
          uniqueId(c.id, `${cp}.id`, controlIds);
          if (c.type !== "button") fail(`${cp}.type`, `${String(c.type)}: the add-in has buttons only`);
          str(c.label, `${cp}.label`, 64);
          iconList(c.icons, `${cp}.icons`);
          const tip = obj(c.supertip);
          str(tip.title, `${cp}.supertip.title`, 64);
          str(tip.description, `${cp}.supertip.description`, 128); // [commands] 128; the schema allows 250
          if (str(c.actionId, `${cp}.actionId`, 64)) {
            commands++;
            if (!actions.has(c.actionId)) fail(`${cp}.actionId`, `${c.actionId} is no runtime's action`);
          }
        });
      });
    });
  });
  if (commands > 20) fail("extensions[0].ribbons", `${commands} add-in commands, at most 20`); // [convert]
  // The ribbon says what manifest.xml's ribbon says: the same control ids, labels and actions.
  const xmlControls = x.tabs.flatMap((t) =>
    t.groups.flatMap((g) =>
      g.controls.map((c) => [c.id, c.label, c.action.type === "ExecuteFunction" ? c.action.functionName : "pane"]),
    ),
  );
  const jsonControls = arr(ext.ribbons).flatMap((rb) =>
    arr(obj(rb).tabs).flatMap((t) =>
      arr(obj(t).groups).flatMap((g) =>
        arr(obj(g).controls).map((c) => {
          const a = actions.get(String(obj(c).actionId));
          return [obj(c).id, obj(c).label, a?.type === "openPage" ? "pane" : obj(c).actionId];
        }),
      ),
    ),
  );
  same(jsonControls, xmlControls, "extensions[0].ribbons (controls)", "ribbon controls");

  // getStartedMessages [schema]: 1 to 3; title ≤ 125, description ≤ 250, learnMoreUrl.
  const gs = arr(ext.getStartedMessages);
  if (ext.getStartedMessages !== undefined && (gs.length < 1 || gs.length > 3))
    fail("extensions[0].getStartedMessages", "1 to 3 messages");
  gs.forEach((g, k) => {
    str(obj(g).title, `extensions[0].getStartedMessages[${k}].title`, 125);
    str(obj(g).description, `extensions[0].getStartedMessages[${k}].description`, 250);
    https(obj(g).learnMoreUrl, `extensions[0].getStartedMessages[${k}].learnMoreUrl`);
  });

  // alternates [both][convert]: hide the XML add-in; its icons 32x32 and 64x64 for Excel.
  const alts = arr(ext.alternates).map(obj);
  const hidden = alts.map((a) => obj(obj(a.hide).customOfficeAddin).officeAddinId).filter((v) => v !== undefined);
  if (!hidden.includes(x.id))
    fail(
      "extensions[0].alternates",
      `does not hide the XML add-in (hide.customOfficeAddin.officeAddinId ${x.id}); both would show`,
    );
  const alternateIcons = alts.map((a) => a.alternateIcons).filter(isObj);
  if (!alternateIcons.length)
    fail(
      "extensions[0].alternates",
      "no alternateIcons (needed to generate an add-in only manifest for clients without the unified manifest)",
    );
  for (const ai of alternateIcons)
    for (const [k, size] of [
      ["icon", 32],
      ["highResolutionIcon", 64],
    ] as const) {
      const icon = obj(ai[k]);
      const path = `extensions[0].alternates.alternateIcons.${k}`;
      if (icon.size !== size) fail(`${path}.size`, `${String(icon.size)}, expected ${size}`);
      https(icon.url, `${path}.url`);
      if (typeof icon.url === "string") png(localFile(icon.url), `${path}.url`, size);
    }

  // Every absolute address anywhere: https, on a domain the add-in declares.
  const walk = (v: unknown, path: string): void => {
    if (typeof v === "string") {
      if (/^[a-z][\w+.-]*:\/\//i.test(v) && path !== "$schema") {
        if (!v.startsWith("https://")) fail(path, `${v} is not https`);
        else if (!domains.some((d) => typeof d === "string" && (v === d || v.startsWith(`${d.replace(/\/$/, "")}/`))))
          fail(path, `${v} is outside validDomains`);
      }
    } else if (Array.isArray(v)) v.forEach((e, k) => walk(e, `${path}[${k}]`));
    else if (isObj(v)) for (const [k, e] of Object.entries(v)) walk(e, path ? `${path}.${k}` : k);
  };
  walk(m, "");
  return out;
}
