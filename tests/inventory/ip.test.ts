import * as ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { addressAt, contains, findOverlaps, isPrivate, parseRange, size, tryParseRange } from "../../inventory/ip";

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

  // IPv6 is read by hand in its plain forms and by ipaddr.js otherwise: the two must agree on every text.
  const byIpaddr = (text: string): bigint | "refused" => {
    try {
      const [addr, len] = text.includes("/") ? ipaddr.IPv6.parseCIDR(text) : [ipaddr.IPv6.parse(text), 128];
      const n = BigInt("0x" + addr.parts.map((p) => p.toString(16).padStart(4, "0")).join(""));
      return (n >> BigInt(128 - len)) << BigInt(128 - len);
    } catch {
      return "refused";
    }
  };
  const byUs = (text: string): bigint | "refused" => tryParseRange(text)?.start ?? "refused";
  it.each([
    "::", "::1", "1::", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::", "1::2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "2001:DB8::1", "2001:db8:0::3", "12345::", "1:::2", ":1::", "1::2::3", "::ffff:1.2.3.4",
    "fe80::1", "0:0:0:0:0:0:0:0", "01:002:0003:0004::", "2001:db8::/32", "2001:db8::/048", "2001:db8::/0048", "2001:db8::/129",
    "2001:db8:1a::/48", "::/0", "2001:db8::g", "2001:db8::1/", ":", "1:", "::1:", "2001:db8::%eth0",
  ])("reads %s as ipaddr.js does", (text) => {
    if (text.includes("%")) expect(byUs(text)).toBe("refused");
    else expect(byUs(text)).toBe(byIpaddr(text));
  });

  it("reads random addresses in every compression as ipaddr.js does", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
    for (let k = 0; k < 500; k++) {
      const parts = Array.from({ length: 8 }, () => (random() % 3 === 0 ? 0 : random() % 0x10000).toString(16));
      const from = random() % 8;
      const to = from + 1 + (random() % (8 - from));
      const texts = [parts.join(":"), `${parts.slice(0, from).join(":")}::${parts.slice(to).join(":")}`, `${parts.join(":").toUpperCase()}/${random() % 129}`];
      for (const text of texts) expect([text, byUs(text)]).toEqual([text, byIpaddr(text)]);
    }
  });

  it("private as ipaddr.js's range() names it, at every edge of its prefixes", () => {
    const edges = [
      "0.0.0.0", "9.255.255.255", "10.0.0.0", "10.255.255.255", "11.0.0.0", "100.63.255.255", "100.64.0.0", "100.127.255.255",
      "100.128.0.0", "126.255.255.255", "127.0.0.1", "128.0.0.0", "172.15.255.255", "172.16.0.0", "172.31.255.255", "172.32.0.0",
      "192.167.255.255", "192.168.0.0", "192.168.255.255", "192.169.0.0", "203.0.113.1", "255.255.255.255",
      "::", "::1", "::2", "fbff:ffff::", "fc00::", "fd12:3456::1", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe00::", "fe80::1",
      "::ffff:10.0.0.1", "2001:db8::1",
    ];
    for (const text of edges) {
      const kind = ipaddr.parse(text).range();
      const expected = ["private", "uniqueLocal", "carrierGradeNat", "loopback"].includes(kind);
      expect([text, isPrivate(parseRange(text))]).toEqual([text, expected]);
      expect([text, isPrivate(parseRange(`${text}/${text.includes(":") ? 128 : 32}`))]).toEqual([text, expected]);
    }
  });
});
