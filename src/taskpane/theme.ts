/* global Office */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** What Office says of its theme: the Office.OfficeTheme colours (hex triplets such as "#FFA500"). */
export interface OfficeThemeColours {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
}

function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = [0, 2, 4]
    .map((i) => parseInt(m[1].slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two colours. */
function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * The Fluent theme for Office's: dark when the body background is dark (Office's Dark Grey and
 * Black themes), else light; the pane's background and text take Office's own body colours when
 * they are readable together (4.5:1, WCAG 1.4.3), so the pane sits in the host's colours.
 * Office.context.officeTheme is supported by Excel on the web, Windows, Mac and iPad (Office.OfficeTheme
 * reference, "Supported applications, by platform"); elsewhere, or outside Office, the light theme.
 */
export function themeFor(office: OfficeThemeColours | null | undefined): Theme {
  const bg = office?.bodyBackgroundColor ? luminance(office.bodyBackgroundColor) : null;
  if (bg === null) return webLightTheme;
  const base = bg < 0.2 ? webDarkTheme : webLightTheme;
  const fg = office?.bodyForegroundColor ? luminance(office.bodyForegroundColor) : null;
  if (fg === null || contrast(bg, fg) < 4.5) return base;
  return {
    ...base,
    colorNeutralBackground1: office!.bodyBackgroundColor!,
    colorNeutralForeground1: office!.bodyForegroundColor!,
  };
}

/** Office's theme colours where the host gives them; null outside Office or where it has none. */
export function officeThemeColours(): OfficeThemeColours | null {
  try {
    return typeof Office !== "undefined"
      ? ((Office.context as { officeTheme?: OfficeThemeColours } | undefined)?.officeTheme ?? null)
      : null;
  } catch {
    return null;
  }
}
