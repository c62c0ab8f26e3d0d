// The pure half of the history: periods, the ratio source under the sample budget, down spans and
// the longest outage from raw polls.
import { describe, expect, it } from "vitest";
import { batchSpans, chooseRatioSource, coveringEnd, downSpans, regexLiteral, longestOutage, mergeSamples, parsePeriod, rangeWindows, ratioChunks, MAX_POINTS_PER_SERIES } from "../../observe/history-plan";

describe("history plan", () => {
  it("parses periods and refuses what is not one", () => {
    expect(parsePeriod("30d")).toBe(30 * 86400);
    expect(parsePeriod("1y")).toBe(365 * 86400);
    expect(parsePeriod("12h")).toBe(43200);
    for (const bad of ["", "30", "d", "0d", "-1d", "1.5d", "30 days"]) expect(parsePeriod(bad), bad).toBeUndefined();
  });

  it("reads the raw series only while a year of them fits the budget", () => {
    const year = 365 * 86400;
    // 1,000 devices polled every 60 s: 60,000 samples an hour, 525 M a year.
    expect(chooseRatioSource(year, 60_000, true)).toBe("recorded");
    expect(chooseRatioSource(year, 60_000, false)).toBe("raw-chunked");
    expect(chooseRatioSource(30 * 86400, 20 * 60, false)).toBe("raw");
    const chunks = ratioChunks(0, year, 60_000, 10_000_000);
    expect(chunks[0]![0]).toBe(0);
    expect(chunks.at(-1)![1]).toBe(year);
    for (const [a, b] of chunks) expect(((b - a) / 3600) * 60_000).toBeLessThanOrEqual(10_000_000);
  });

  it("splits range queries under Prometheus' points-per-series limit", () => {
    const windows = rangeWindows(0, 2 * 365 * 86400, 3600);
    expect(windows.length).toBe(2);
    for (const [a, b] of windows) expect((b - a) / 3600 + 1).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
  });

  it("joins consecutive down hours into one widened span", () => {
    const h = 3600;
    expect(downSpans([10 * h, 11 * h, 12 * h, 20 * h])).toEqual([
      { start: 8 * h, end: 13 * h },
      { start: 18 * h, end: 21 * h },
    ]);
  });

  it("at a one-day step, a span reaches from an hour before the first down day's window to an hour after the last", () => {
    const h = 3600;
    const d = 24 * h;
    // Days 3 and 4 not fully up, then day 9: two spans; an outage can not cross the fully-up days between.
    expect(downSpans([4 * d, 3 * d, 9 * d], d)).toEqual([
      { start: 2 * d - h, end: 4 * d + h },
      { start: 8 * d - h, end: 9 * d + h },
    ]);
  });

  it("the down-span query's last step covers the end of the period, even a period shorter than a step", () => {
    const d = 86400;
    expect(coveringEnd(0, 30 * d, d)).toBe(30 * d);
    expect(coveringEnd(0, 30 * d + 5, d)).toBe(31 * d);
    expect(coveringEnd(100, 200, d)).toBe(100 + d);
  });

  it("places the longest outage from its first down poll to the first poll back up, clipped to the period", () => {
    const polls = (vals: number[]): [number, number][] => vals.map((v, i) => [i * 60, v]);
    expect(longestOutage(polls([1, 0, 0, 1, 0, 0, 0, 1]), 0, 1000)).toEqual({ start: 240, end: 420, seconds: 180 });
    expect(longestOutage(polls([1, 1, 0, 0]), 0, 1000)).toEqual({ start: 120, end: 1000, seconds: 880 });
    expect(longestOutage(polls([0, 0, 1]), 60, 1000)).toEqual({ start: 60, end: 120, seconds: 60 });
    expect(longestOutage(polls([1, 1, 1]), 0, 1000)).toBeUndefined();
    expect(mergeSamples([polls([1, 0, 0]), polls([0, 0, 1])])).toEqual(polls([1, 0, 1]));
  });

  it("batches spans by time, within a window and a number of subjects, keeping every span once", () => {
    const d = 86400;
    const spans = [
      { subject: "a", start: 0, end: d },
      { subject: "b", start: 2 * d, end: 3 * d },
      { subject: "a", start: 5 * d, end: 6 * d },
      { subject: "c", start: 6 * d, end: 30 * d },
      { subject: "d", start: 31 * d, end: 32 * d },
      { subject: "e", start: 31 * d, end: 32 * d },
    ];
    const batches = batchSpans(spans, 7 * d, 2);
    expect(batches.map((b) => [b.start, b.end, b.spans.map((s) => s.subject).join("")])).toEqual([
      [0, 6 * d, "aba"],
      [6 * d, 30 * d, "c"],
      [31 * d, 32 * d, "de"],
    ]);
    expect(batchSpans(spans, 40 * d, 2).map((b) => b.spans.length)).toEqual([3, 2, 1]);
    for (const b of batches) for (const s of b.spans) expect(s.start >= b.start && s.end <= b.end).toBe(true);
  });

  it("quotes a label value as a pattern that matches only itself", () => {
    const v = "sw-core.dc1 (a|b)+[x]\\";
    expect(new RegExp(`^(?:${regexLiteral(v)})$`).test(v)).toBe(true);
    expect(new RegExp(`^(?:${regexLiteral("a.b")})$`).test("axb")).toBe(false);
  });
});
