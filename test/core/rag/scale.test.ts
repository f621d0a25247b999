import { isBetter, majorityRag, parseRag, worstRag } from "../../../src/core/rag/scale";

describe("RAG", () => {
  it("parses what people type", () => {
    expect(parseRag("red")).toBe("Red");
    expect(parseRag(" A ")).toBe("Amber");
    expect(parseRag("GREEN")).toBe("Green");
    expect(parseRag("Complete")).toBe("Blue");
    expect(parseRag("purple")).toBeNull();
  });

  it("rolls up by the worst, Blue counting as best", () => {
    expect(worstRag(["Green", "Blue", "Amber"])).toBe("Amber");
    expect(worstRag(["Blue", "Green"])).toBe("Green");
    expect(worstRag([null, undefined])).toBeNull();
  });

  it("rolls up by the majority, a tie going to the worse", () => {
    expect(majorityRag(["Green", "Green", "Red"])).toBe("Green");
    expect(majorityRag(["Green", "Red"])).toBe("Red");
    expect(majorityRag([])).toBeNull();
  });

  it("orders ratings", () => {
    expect(isBetter("Green", "Amber")).toBe(true);
    expect(isBetter("Red", "Amber")).toBe(false);
    expect(isBetter("Blue", "Green")).toBe(true);
  });
});
