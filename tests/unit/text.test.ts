import { describe, expect, it } from "vitest";
import { FormReader, isKatakana, toKatakana } from "../../src/lib/form";
import { addDays, formatAsOf, formatMinute, jstDate, parseMinute } from "../../src/lib/jst";

describe("kana folding", () => {
  it("turns hiragana and half-width katakana into full-width katakana", () => {
    expect(toKatakana("きくち　ともあき")).toBe("キクチ トモアキ");
    expect(toKatakana("ｷｸﾁ ﾄﾓｱｷ")).toBe("キクチ トモアキ");
    expect(toKatakana("  ヴァイオレット ")).toBe("ヴァイオレット");
    expect(isKatakana("キクチ トモアキ")).toBe(true);
    expect(isKatakana("菊池")).toBe(false);
    expect(isKatakana("Kikuchi")).toBe(false);
  });
});

describe("FormReader", () => {
  it("reads whole numbers typed in full width or with commas", () => {
    const f = new FormReader({ a: "１２０", b: "8,800", c: "1.5", d: "" });
    expect(f.int("a", { label: "所要時間", min: 5, max: 720, unit: "分" })).toBe(120);
    expect(f.int("b", { label: "料金", min: 0, max: 1_000_000, unit: "円" })).toBe(8800);
    f.int("c", { label: "受付可能数", min: 1, max: 20, unit: "人" });
    f.int("d", { label: "表示順", min: 0, max: 999 });
    expect(f.errors).toEqual({ c: "受付可能数は1人〜20人の整数で入力してください。", d: "表示順を入力してください。" });
  });

  it("counts characters, not UTF-16 units, against a maximum", () => {
    const f = new FormReader({ name: "𠮷".repeat(40) });
    f.text("name", { label: "氏名", max: 40 });
    expect(f.ok).toBe(true);
  });
});

describe("salon-local time", () => {
  it("formats instants in Japan time whatever the server's zone", () => {
    const instant = new Date("2025-04-01T07:23:00Z");
    expect(formatAsOf(instant)).toBe("2025.04.01 16:23");
    expect(jstDate(new Date("2025-03-31T15:00:00Z"))).toBe("2025-04-01");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });

  it("reads and writes times of day", () => {
    expect(parseMinute("10:00")).toBe(600);
    expect(parseMinute("24:00")).toBe(1440);
    expect(parseMinute("24:30")).toBeNull();
    expect(parseMinute("9:5")).toBeNull();
    expect(formatMinute(1125)).toBe("18:45");
  });
});
