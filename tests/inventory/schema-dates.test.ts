// A date in the inventory is YYYY-MM-DD naming a real calendar day. The schema decides it by
// arithmetic (inventory/schema.ts isCalendarDate); a Date of the same text read back is the reference.
import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../../inventory/schema";

/** What the schema decided before: a Date at midnight UTC whose ISO text gives the same day back. */
function viaDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

describe("isCalendarDate", () => {
  it("agrees with a Date read back on every day number 00-32 of every month 00-13 of leap, common and century years", () => {
    let compared = 0;
    for (const year of [0, 1, 4, 100, 400, 1900, 2000, 2023, 2024, 2100, 2400, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isCalendarDate(text), text).toBe(viaDate(text));
          compared++;
        }
      }
    }
    expect(compared).toBe(12 * 14 * 33);
  });

  it("accepts 29 February in leap years only, and refuses other shapes", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(isCalendarDate("1900-02-29")).toBe(false);
    expect(isCalendarDate("2024-04-31")).toBe(false);
    for (const bad of ["2024-2-29", "2024-02-29T00:00:00Z", " 2024-02-29", "20240229", "2024/02/29", "٢٠٢٤-٠٢-٢٩", ""]) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
  });
});
