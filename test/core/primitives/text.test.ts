import { decimalNumber, money, signedPercent, wholeNumber } from "../../../src/core/primitives/text";

describe("number and money text (model/text.ts)", () => {
  it("writes whole numbers and money as a board paper does", () => {
    expect([wholeNumber(12500), wholeNumber(-1234.4), wholeNumber(7)]).toEqual(["12,500", "-1,234", "7"]);
    expect(money(250000)).toBe("£250,000");
    expect(decimalNumber(1234.5678, 2)).toBe("1,234.57");
  });

  it("signs a variance to one decimal place", () => {
    expect([signedPercent(12.46), signedPercent(-3), signedPercent(0), signedPercent(0.04)]).toEqual([
      "+12.5%",
      "-3%",
      "0%",
      "0%",
    ]);
  });
});
