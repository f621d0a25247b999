/**
 * The unified manifest for Microsoft 365 (manifest.json), built from manifest.xml's facts.
 *
 * Sources (office-js-docs-pr unless stated):
 * - "Office Add-ins with the unified app manifest for Microsoft 365" (docs/develop/unified-manifest-overview.md):
 *   base properties, "extensions", validDomains, the clients that take it directly, the sample manifest.
 * - "Compare the add-in only manifest with the unified manifest for Microsoft 365" (docs/develop/json-manifest-overview.md):
 *   the XML-to-JSON mapping (Id→id, Version→version, DisplayName→name, Description→description,
 *   ProviderName→developer, DefaultLocale→localizationInfo, Hosts→requirements.scopes,
 *   Requirements/Sets→requirements.capabilities, FunctionFile→runtimes, ExtensionPoint→ribbons).
 * - "Convert an add-in to use the unified manifest for Microsoft 365" (docs/develop/convert-xml-to-json-manifest.md):
 *   a new GUID for the unified app, version MAJOR.MINOR.PATCH (each part at most five digits, no
 *   pre-release), IconUrl/HighResolutionIconUrl 32x32 and 64x64 for Excel, at most 20 add-in
 *   commands, FunctionName = the Office.actions.associate name, string lengths, $schema and manifestVersion.
 * - "Create add-in commands with the unified manifest for Microsoft 365" (docs/develop/create-addin-commands-unified-manifest.md):
 *   the task pane runtime (openPage, code.page, view), the commands runtime (executeFunction,
 *   lifetime short), AddinCommands 1.1, group and control icons 16/32/80, labels and supertips.
 * - "Requesting permissions for API use in add-ins" (docs/develop/requesting-permissions-for-api-use-in-content-and-task-pane-add-ins.md):
 *   ReadWriteDocument = "Document.ReadWrite.User" in authorization.permissions.resourceSpecific.
 * - "How to use the \"requirements\" property in the unified manifest for Microsoft 365" (docs/develop/requirements-property-unified-manifest.md):
 *   scopes "workbook", capabilities, formFactors, and requirements on runtimes and ribbons.
 * - "Manage both a unified manifest and an add-in only manifest version" (docs/concepts/duplicate-legacy-metaos-add-ins.md):
 *   alternates.hide.customOfficeAddin.officeAddinId = the XML add-in's id, so both are never shown together.
 * - The schema itself, OfficeDev/microsoft-teams-app-schema MicrosoftTeams.schema.json v1.29 (required
 *   root properties, lengths, enums, icon sizes). Real Excel examples: OfficeDev/Office-Add-in-samples
 *   Samples/Excel.OfflineStorageAddin/manifest-configurations/unified/manifest.json (contexts "default",
 *   builtInTabId "TabHome", alternateIcons).
 */
import { createHash } from "node:crypto";
import type { AddinFacts, Icon } from "./xml-facts";

export const MANIFEST_VERSION = "1.29";
export const SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

/**
 * Not in manifest.xml: description.short may hold 80 characters, manifest.xml's Description has
 * more (it becomes description.full).
 */
export const SHORT_DESCRIPTION = "Check a programme workbook and write highlight reports for the programme board.";
/** Not in manifest.xml: the schema requires an accent colour; the icons' navy. */
export const ACCENT_COLOR = "#1F4E79";
/** The schema's two app icons (scripts/make-icons.ts), relative to manifest.json. */
export const APP_ICONS = { color: "assets/icon-color-192.png", outline: "assets/icon-outline-32.png" };

export const TASKPANE_RUNTIME = "TaskPaneRuntime";
export const COMMANDS_RUNTIME = "CommandsRuntime";

/** <Permissions> → authorization.permissions.resourceSpecific (permissions article's table). */
export const PERMISSIONS: Record<string, string> = {
  Restricted: "Document.Restricted.User",
  ReadDocument: "Document.Read.User",
  ReadAllDocument: "Document.ReadAll.User",
  WriteDocument: "Document.Write.User",
  ReadWriteDocument: "Document.ReadWrite.User",
};
/** <Host Name> → requirements.scopes. */
export const SCOPES: Record<string, string> = {
  Workbook: "workbook",
  Document: "document",
  Presentation: "presentation",
  Mailbox: "mail",
};

/**
 * The unified app's id: the convert article asks for a new GUID, distinct from the XML add-in's,
 * which the unified manifest then hides. Derived from the XML id (a name-based, version 5 UUID),
 * so it is stable and never has to be kept by hand.
 */
export function unifiedId(xmlId: string): string {
  const ns = Buffer.from(xmlId.replace(/-/g, ""), "hex");
  const h = createHash("sha1")
    .update(Buffer.concat([ns, Buffer.from("PMO Highlights unified manifest", "utf8")]))
    .digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** 0.1.0.0 → 0.1.0: the unified manifest takes three parts; a fourth part other than 0 cannot be carried over. */
export function semverOf(xmlVersion: string): string {
  const parts = xmlVersion.split(".");
  if (parts.length > 4 || parts.some((p) => !/^\d+$/.test(p)))
    throw new Error(`manifest.xml: version ${xmlVersion} is not n.n.n.n`);
  if (parts.length === 4 && Number(parts[3]) !== 0)
    throw new Error(
      `manifest.xml: version ${xmlVersion} has a fourth part, which the unified manifest (MAJOR.MINOR.PATCH) cannot hold`,
    );
  while (parts.length < 3) parts.push("0");
  return parts.slice(0, 3).map(Number).join(".");
}

const ADDIN_COMMANDS = { capabilities: [{ name: "AddinCommands", minVersion: "1.1" }] };
const icons = (list: Icon[]) => list.map((i) => ({ size: i.size, url: i.url }));
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`manifest.xml: ${what}`);
  return value;
}

/** The unified manifest object, properties in the order of the documentation's sample. */
export function buildUnifiedManifest(f: AddinFacts): Record<string, unknown> {
  const controls = f.tabs.flatMap((t) => t.groups.flatMap((g) => g.controls));
  const pane = controls.map((c) => c.action).find((a) => a.type === "ShowTaskpane");
  const functions = controls.flatMap((c) => (c.action.type === "ExecuteFunction" ? [c.action.functionName] : []));
  const paneAction = pane?.type === "ShowTaskpane" ? pane.taskpaneId : "ShowTaskpane";
  if (functions.length && !f.functionFileUrl)
    throw new Error("manifest.xml: function commands without a <FunctionFile>");

  const runtimes: Record<string, unknown>[] = [
    {
      id: TASKPANE_RUNTIME,
      type: "general",
      code: { page: f.sourceLocation },
      lifetime: "short",
      actions: [{ id: paneAction, type: "openPage", view: paneAction }],
    },
  ];
  if (functions.length)
    runtimes.push({
      requirements: ADDIN_COMMANDS,
      id: COMMANDS_RUNTIME,
      type: "general",
      code: { page: f.functionFileUrl },
      lifetime: "short",
      actions: [...new Set(functions)].map((id) => ({ id, type: "executeFunction" })),
    });

  const actionId = (c: (typeof controls)[number]) =>
    c.action.type === "ShowTaskpane" ? paneAction : c.action.functionName;
  const ribbons = f.tabs.length
    ? [
        {
          requirements: { ...ADDIN_COMMANDS, formFactors: ["desktop"] },
          contexts: ["default"],
          tabs: f.tabs.map((t) => ({
            builtInTabId: t.builtInTabId,
            groups: t.groups.map((g) => ({
              id: g.id,
              label: g.label,
              icons: icons(g.icons),
              controls: g.controls.map((c) => ({
                id: c.id,
                type: "button",
                label: c.label,
                icons: icons(c.icons),
                supertip: c.supertip,
                actionId: actionId(c),
              })),
            })),
          })),
        },
      ]
    : undefined;

  return {
    $schema: SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    id: unifiedId(f.id),
    version: semverOf(f.version),
    name: { short: f.displayName, full: f.displayName },
    description: { short: SHORT_DESCRIPTION, full: f.description },
    developer: {
      name: f.providerName,
      // manifest.xml has only a support page; it stands in for privacy and terms until those pages exist.
      websiteUrl: f.supportUrl,
      privacyUrl: f.supportUrl,
      termsOfUseUrl: f.supportUrl,
    },
    icons: { ...APP_ICONS },
    accentColor: ACCENT_COLOR,
    localizationInfo: { defaultLanguageTag: f.defaultLocale.toLowerCase() },
    validDomains: [...f.appDomains],
    authorization: {
      permissions: {
        resourceSpecific: [
          { name: must(PERMISSIONS[f.permissions], `unknown <Permissions> ${f.permissions}`), type: "Delegated" },
        ],
      },
    },
    extensions: [
      {
        requirements: {
          scopes: f.hosts.map((h) => must(SCOPES[h], `unknown <Host Name="${h}">`)),
          capabilities: f.requirementSets.map((s) => ({ name: s.name, minVersion: s.minVersion })),
        },
        runtimes,
        ...(ribbons ? { ribbons } : {}),
        getStartedMessages: [
          { title: f.getStarted.title, description: f.getStarted.description, learnMoreUrl: f.getStarted.learnMoreUrl },
        ],
        alternates: [
          {
            hide: { customOfficeAddin: { officeAddinId: f.id } },
            alternateIcons: {
              icon: { size: 32, url: f.iconUrl },
              highResolutionIcon: { size: 64, url: f.highResolutionIconUrl },
            },
          },
        ],
      },
    ],
  };
}

/** manifest.json as committed: two-space JSON and a final newline. */
export const serialiseManifest = (m: unknown) => `${JSON.stringify(m, null, 2)}\n`;
