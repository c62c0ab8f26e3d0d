import { describe, expect, it } from "vitest";
import { addressAt, contains, findOverlaps, parseRange, size, tryParseRange } from "../../inventory/ip";

describe("IP math", () => {
  it.each([
    ["203.0.113.0/24", 256n],
    ["203.0.113.5", 1n],
    ["2001:db8::/32", 2n ** 96n],
    ["2001:db8::1/128", 1n],
  ])("size of %s", (text, n) => expect(size(parseRange(text))).toBe(n));

  it.each(["10.1", "0xA.0.0.1", "10.0.0.256", "203.0.113.0/33", "2001:db8::/129", "hello"])("refuses %s", (text) => {
    expect(tryParseRange(text)).toBeUndefined();
  });

  it("containment respects families and bounds", () => {
    const block = parseRange("203.0.113.0/28");
    expect(contains(block, parseRange("203.0.113.15"))).toBe(true);
    expect(contains(block, parseRange("203.0.113.16"))).toBe(false);
    expect(contains(block, parseRange("203.0.113.8/29"))).toBe(true);
    expect(contains(block, parseRange("::ffff:203.0.113.1"))).toBe(false);
  });

  it("addresses by offset, IPv4 and IPv6", () => {
    expect(addressAt(parseRange("198.51.100.0/24"), 255n)).toBe("198.51.100.255");
    expect(addressAt(parseRange("2001:db8:1::/48"), 0x1234n)).toBe("2001:db8:1::1234");
    expect(() => addressAt(parseRange("198.51.100.0/30"), 4n)).toThrow();
  });

  it("finds every overlap in one sweep, nested and chained", () => {
    const items = ["10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "192.168.0.0/24", "192.168.1.0/24", "2001:db8::/32", "10.0.0.0/8"];
    const pairs = findOverlaps(items, (x) => parseRange(x)).map((p) => [p.first, p.second]);
    expect(pairs).toHaveLength(3);
    expect(pairs.flat()).not.toContain("192.168.0.0/24");
    expect(pairs.flat()).not.toContain("2001:db8::/32");
  });
});
