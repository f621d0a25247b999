import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { themeFor } from "../../src/taskpane/theme";

describe("the pane's theme from Office's", () => {
  it("is Fluent's light theme outside Office or where the host gives no theme", () => {
    expect(themeFor(null)).toBe(webLightTheme);
    expect(themeFor({})).toBe(webLightTheme);
  });

  it("is dark for Office's dark themes, in Office's own body colours", () => {
    const t = themeFor({
      bodyBackgroundColor: "#262626",
      bodyForegroundColor: "#FFFFFF",
      controlBackgroundColor: "#1F1F1F",
      controlForegroundColor: "#F0F0F0",
    });
    expect(t.colorBrandBackground).toBe(webDarkTheme.colorBrandBackground);
    expect(t.colorNeutralBackground1).toBe("#262626");
    expect(t.colorNeutralForeground1).toBe("#FFFFFF");
  });

  it("is light for the Colorful and White themes, and keeps Fluent's colours where Office's would be unreadable", () => {
    expect(themeFor({ bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" }).colorNeutralBackground1).toBe(
      "#FFFFFF",
    );
    const low = themeFor({ bodyBackgroundColor: "#E6E6E6", bodyForegroundColor: "#AAAAAA" }); // 1.9:1, under WCAG's 4.5:1
    expect(low).toBe(webLightTheme);
  });
});
