/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { SettingsView } from "../../src/taskpane/views/SettingsView";
import { renderUi } from "../support/render";

const values = {
  programmeName: "OD Plan",
  amberSlipDays: 0,
  redSlipDays: 30,
  amberCostPercent: 5,
  redCostPercent: 10,
  riskEscalationScore: 15,
  reviewStalenessDays: 90,
  competencyScaleMax: 4,
  rollUp: "worst",
  reportingPeriod: "Monthly",
  calendar: "Working days",
  riskMatrix: "Auto",
  classification: "OFFICIAL",
};

describe("the Settings view", () => {
  it("empty: asks for a check first", () => {
    renderUi(<SettingsView values={null} mode="excel" onSave={async () => "saved"} />);
    expect(screen.getByText(/Run the checks first/)).toBeTruthy();
  });

  it("refuses an amber tolerance above the red one", () => {
    renderUi(<SettingsView values={values} mode="excel" onSave={async () => "saved"} />);
    fireEvent.change(screen.getByLabelText("Amber slip days"), { target: { value: "45" } });
    expect(screen.getByText("Red must be at least amber.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Save to the Settings sheet" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it("saves numbers as numbers and says where they went", async () => {
    const onSave = jest.fn(async () => "saved" as const);
    renderUi(<SettingsView values={values} mode="excel" onSave={onSave} />);
    fireEvent.change(screen.getByLabelText("Red slip days"), { target: { value: "45" } });
    fireEvent.click(screen.getByRole("radio", { name: "Most common rating" }));
    fireEvent.click(screen.getByRole("button", { name: "Save to the Settings sheet" }));
    await waitFor(() =>
      expect(
        screen.getByText(/Settings saved to the Settings sheet\. Results are from before the change\./),
      ).toBeTruthy(),
    );
    expect(onSave).toHaveBeenCalledWith({ ...values, redSlipDays: 45, rollUp: "majority" });
  });

  it("offers to run the checks again once saved, and shows what was saved when shown again", async () => {
    const onRerun = jest.fn();
    const { unmount } = renderUi(
      <SettingsView values={values} mode="excel" onSave={async () => "saved"} onRerun={onRerun} />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Save to the Settings sheet" }));
    fireEvent.click(await screen.findByRole("button", { name: "Run the checks again" }));
    expect(onRerun).toHaveBeenCalledTimes(1);
    unmount();
    // Back on the tab later: the values the pane holds as saved, and the note that results are older.
    renderUi(
      <SettingsView
        values={{ ...values, redSlipDays: 45 }}
        saved="saved"
        mode="excel"
        onSave={async () => "saved"}
        onRerun={onRerun}
      />,
    );
    expect((screen.getByLabelText("Red slip days") as HTMLInputElement).value).toBe("45");
    expect(screen.getByText(/Results are from before the change/)).toBeTruthy();
  });

  it("shows a failure to save", async () => {
    renderUi(
      <SettingsView
        values={values}
        mode="excel"
        onSave={async () => Promise.reject(new Error("The workbook is protected."))}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Save to the Settings sheet" }));
    await waitFor(() => expect(screen.getByText("The workbook is protected.")).toBeTruthy());
  });
});
