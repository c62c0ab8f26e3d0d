// The RouterOS backend as a pure function. There is no RouterOS here (nothing was ever applied to a
// real router): every statement is checked against the command syntax MikroTik documents, menu by
// menu, and the stability promises are checked on the text: adding an OPD changes only its lines,
// a changed quota only its queue. Plus the validate-time refusal of a backend of another kind.
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { QuotaConfigError, renderChecks, renderGatewayConfig, TOTAL_CLASS, DEFAULT_CLASS } from "../../infra/quota";
import { OWNED, STALE } from "../../infra/quota/routeros";
import { formatPath } from "../../inventory/diagnostics";
import { loadInventoryText } from "../../inventory/load";
import { inventorySchema } from "../../inventory/schema";
import { GATEWAY, LAN_IF, TEST_OPDS, testInventoryData, WAN_IF, type TestOpd } from "../../testkit/quota/fixture";

function rosData(opds: TestOpd[] = TEST_OPDS): any {
  const d = testInventoryData(opds);
  d.bandwidth.gateway.kind = "routeros";
  return d;
}
const render = (data: any = rosData()) => renderGatewayConfig(inventorySchema.parse(data));

// The properties each menu takes, as MikroTik's manual lists them (help.mikrotik.com: "Queues" →
// Queue Tree; "Mangle"; "Address-lists"; "Filter" for the fasttrack check) — only those this
// backend may write, so a typo ("max_limit", "packet_mark") or a property of another menu fails.
const MENUS: Record<string, { props: Record<string, RegExp> }> = {
  "/queue tree": {
    props: {
      name: /^"spbe-[a-z0-9-]+"$/,
      parent: /^"[^"]+"$/,
      "packet-mark": /^("spbe-[a-z0-9-]+-(down|up)"|no-mark)$/,
      "limit-at": /^\d+k$/,
      "max-limit": /^\d+k$/,
      // RouterOS' built-in queue types (/queue type print on a fresh router).
      queue: /^(default|pcq-download-default|pcq-upload-default)$/,
      comment: /^"spbe-quota(-stale)?"$/,
    },
  },
  "/ip firewall mangle": {
    props: {
      chain: /^forward$/,
      action: /^mark-packet$/,
      "new-packet-mark": /^"spbe-[a-z0-9-]+-(down|up)"$/,
      passthrough: /^(yes|no)$/,
      "in-interface": /^"[^"]+"$/,
      "out-interface": /^"[^"]+"$/,
      "src-address-list": /^"spbe-[a-z0-9-]+"$/,
      "dst-address-list": /^"spbe-[a-z0-9-]+"$/,
      comment: /^"spbe-quota(-stale)?"$/,
    },
  },
  "/ip firewall address-list": { props: { list: /^"spbe-[a-z0-9-]+"$/, address: /^"[0-9a-f.:/]+"$/, comment: /^"spbe-quota(-stale)?"$/ } },
};
MENUS["/ipv6 firewall mangle"] = MENUS["/ip firewall mangle"]!;
MENUS["/ipv6 firewall address-list"] = MENUS["/ip firewall address-list"]!;
const MENU = Object.keys(MENUS).sort((a, b) => b.length - a.length).map((m) => m.replace(/ /g, "\\s")).join("|");

/** name=value pairs of a command's argument text (values quoted or bare). */
function props(args: string): [string, string][] {
  return [...args.matchAll(/([a-z-]+)=("(?:[^"\\]|\\.)*"|[^\s"]+)/g)].map((m) => [m[1]!, m[2]!]);
}

/** Checks one command (`/menu add|set|remove ...`) against its menu's documented properties; returns the problems. */
function checkCommand(cmd: string): string[] {
  const m = new RegExp(`^(${MENU}) (add|set|remove)(?: (.*))?$`).exec(cmd.trim());
  if (!m) return [`not a documented command form: ${cmd}`];
  const [, menu, action, rest = ""] = m;
  const spec = MENUS[menu!]!;
  let args = rest;
  if (action !== "add") {
    // set/remove take the items first: [find where <conditions>] (conditions use the same properties).
    const f = /^\[find where (.*?)\]\s*(.*)$/.exec(rest);
    if (!f) return [`${action} without [find where ...]: ${cmd}`];
    const conds = f[1]!.split(/ (?:and|or) /).map((c) => c.trim());
    const bad = conds.filter((c) => {
      const [k, v] = [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)];
      return !spec.props[k]?.test(v);
    });
    if (bad.length) return [`bad find condition(s) ${bad.join(", ")} in ${cmd}`];
    args = f[2]!;
    if (action === "remove" && args !== "") return [`remove takes no properties: ${cmd}`];
  }
  const pairs = props(args);
  const leftover = args.replace(/([a-z-]+)=("(?:[^"\\]|\\.)*"|[^\s"]+)/g, "").trim();
  const problems = leftover ? [`unparsed text "${leftover}" in ${cmd}`] : [];
  for (const [k, v] of pairs) if (!spec.props[k]?.test(v)) problems.push(`${menu}: property ${k}=${v} is not one this menu documents`);
  return problems;
}

/** Checks one script statement: a command, or `:if ([:len [<menu> find where ...]] = 0) do={ <command> }`, or the fasttrack guard. */
function checkStatement(line: string): string[] {
  if (line.startsWith(":if ([:len [/ip firewall filter find where action=\"fasttrack-connection\" and disabled=no]] > 0) do={ :error \"")) return line.endsWith('" }') ? [] : ["unterminated guard"];
  const cond = new RegExp(`^:if \\(\\[:len \\[(${MENU}) find where (.*?)\\]\\] = 0\\) do=\\{ (.*) \\}$`).exec(line);
  if (cond) {
    const problems = checkCommand(`${cond[1]} set [find where ${cond[2]}]`);
    if (!cond[3]!.startsWith(cond[1]! + " add ")) problems.push(`the conditional adds in another menu: ${line}`);
    return [...problems, ...checkCommand(cond[3]!)];
  }
  return checkCommand(line);
}

const statements = (script: string) => script.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
const lines = (s: string) => s.split("\n");
const added = (before: string, after: string) => lines(after).filter((l) => !lines(before).includes(l));
const removed = (before: string, after: string) => lines(before).filter((l) => !lines(after).includes(l));

describe("RouterOS backend: the script", () => {
  const cfg = render();

  it("is chosen by the gateway's kind", () => {
    expect(cfg.backend).toBe("routeros");
    expect(cfg.gateway).toBe(GATEWAY);
  });

  it("every statement follows the documented syntax of its menu, with balanced quotes and brackets", () => {
    const withV6 = rosData();
    withV6.opds[1].subnets.push("2001:db8:77::/48");
    for (const script of [cfg.script, render(withV6).script]) {
      const problems = statements(script).flatMap(checkStatement);
      expect(problems).toEqual([]);
      for (const l of statements(script)) {
        const unquoted = l.replace(/"(?:[^"\\]|\\.)*"/g, "");
        expect(unquoted, l).not.toContain('"');
        for (const [o, c] of [["[", "]"], ["{", "}"], ["(", ")"]]) expect(unquoted.split(o).length, `${o}${c} in ${l}`).toBe(unquoted.split(c).length);
      }
    }
  });

  it("the checker itself refuses what RouterOS would refuse", () => {
    expect(checkStatement('/queue tree set [find where name="spbe-a-down"] max_limit=5k')).not.toEqual([]);
    expect(checkStatement('/queue tree set [find where name="spbe-a-down"] max-limit=5M')).not.toEqual([]);
    expect(checkStatement('/ip firewall mangle add chain=forward action=mark-packet new-packet-mark="spbe-a-down" max-limit=1k')).not.toEqual([]);
    expect(checkStatement('/queue tree remove [find where comment="spbe-quota-stale"] name="x"')).not.toEqual([]);
  });

  it.each(TEST_OPDS.flatMap((o) => [
    { opd: o.code, direction: "down" as const, iface: LAN_IF, kbit: o.downMbps * 1000, subnet: o.subnet },
    { opd: o.code, direction: "up" as const, iface: WAN_IF, kbit: o.upMbps * 1000, subnet: o.subnet },
  ]))("$opd $direction: an address list, a packet mark and a capped queue under the upstream parent", ({ opd, direction, iface, kbit, subnet }) => {
    const mine = cfg.classes.filter((c) => c.opd === opd && c.direction === direction);
    expect(mine).toEqual([{ opd, direction, interface: iface, id: `spbe-${opd}-${direction}`, rateKbit: kbit, ceilKbit: kbit, subnets: [subnet] }]);
    const pcq = direction === "down" ? "pcq-download-default" : "pcq-upload-default";
    expect(cfg.script).toContain(
      `/queue tree set [find where name="spbe-${opd}-${direction}"] parent="spbe-total-${direction}" packet-mark="spbe-${opd}-${direction}" limit-at=${kbit}k max-limit=${kbit}k queue=${pcq} comment="spbe-quota"`,
    );
    expect(cfg.script).toContain(`/ip firewall address-list add list="spbe-${opd}" address="${subnet}"`);
    const match = direction === "down" ? `in-interface="${WAN_IF}" dst-address-list="spbe-${opd}"` : `out-interface="${WAN_IF}" src-address-list="spbe-${opd}"`;
    expect(cfg.script).toContain(`new-packet-mark="spbe-${opd}-${direction}" passthrough=no ${match} comment="spbe-quota"`);
  });

  it.each([
    { direction: "down", iface: LAN_IF },
    { direction: "up", iface: WAN_IF },
  ])("$direction: the parent at the upstream capacity on the $iface egress, and a queue for unmarked traffic", ({ direction, iface }) => {
    expect(cfg.classes.find((c) => c.opd === TOTAL_CLASS && c.direction === direction)).toMatchObject({ interface: iface, id: `spbe-total-${direction}`, ceilKbit: 100_000 });
    expect(cfg.classes.find((c) => c.opd === DEFAULT_CLASS && c.direction === direction)).toMatchObject({ id: `spbe-default-${direction}`, ceilKbit: 100_000 });
    expect(cfg.script).toContain(`/queue tree set [find where name="spbe-total-${direction}"] parent="${iface}" max-limit=100000k`);
    expect(cfg.script).toContain(`/queue tree set [find where name="spbe-default-${direction}"] parent="spbe-total-${direction}" packet-mark=no-mark`);
  });

  it("refuses to change anything while FastTrack is on (first statement), and prunes what it no longer renders (last)", () => {
    const st = statements(cfg.script);
    expect(st[0]).toMatch(/^:if \(\[:len \[\/ip firewall filter find where action="fasttrack-connection" and disabled=no\]\] > 0\) do=\{ :error /);
    // Owned objects are marked stale first, re-marked when rendered, and what stays stale is removed at the end.
    const stale = st.filter((l) => l.endsWith(`comment="${STALE}"`));
    expect(stale.length).toBe(3);
    expect(st.slice(-3)).toEqual(["/queue tree", "/ip firewall mangle", "/ip firewall address-list"].map((m) => `${m} remove [find where comment="${STALE}"]`));
    expect(st.indexOf(stale[0]!)).toBe(1);
  });

  it("apply is the script's statements on one line (an SSH command line); rollback removes every owned object", () => {
    expect(cfg.apply).toBe(statements(cfg.script).join("; "));
    expect(cfg.rollback.split("; ").sort()).toEqual(
      ["/queue tree", "/ip firewall mangle", "/ip firewall address-list"].map((m) => `${m} remove [find where comment="${OWNED}" or comment="${STALE}"]`).sort(),
    );
    for (const c of cfg.rollback.split("; ")) expect(checkCommand(c)).toEqual([]);
  });

  it("is deterministic and independent of the inventory's order", () => {
    const data = rosData();
    data.bandwidth.quotas.reverse();
    data.opds.reverse();
    expect(render(data)).toEqual(cfg);
  });

  it("adding an OPD adds only its own lines and changes none of the others'", () => {
    const more = render(rosData([...TEST_OPDS, { code: "bappeda", subnet: "10.77.4.0/24", downMbps: 5, upMbps: 4 }]));
    expect(removed(cfg.script, more.script)).toEqual([]);
    const came = added(cfg.script, more.script);
    expect(came.length).toBe(2 /* address list */ + 4 /* mangle */ + 4 /* queues */);
    for (const l of came) expect(l).toContain("spbe-bappeda");
  });

  it.each([
    { change: "down", opd: "disdik", to: { downMbps: 4 }, direction: "down" },
    { change: "up", opd: "setda", to: { upMbps: 2.5 }, direction: "up" },
  ])("a changed $change quota of $opd changes only its queue's line", ({ opd, to, direction }) => {
    const changed = render(rosData(TEST_OPDS.map((o) => (o.code === opd ? { ...o, ...to } : o))));
    const gone = removed(cfg.script, changed.script);
    const came = added(cfg.script, changed.script);
    const kbit = Math.round((Object.values(to)[0] as number) * 1000);
    expect(gone).toHaveLength(1);
    expect(came).toHaveLength(1);
    expect(gone[0]).toMatch(new RegExp(`^/queue tree set \\[find where name="spbe-${opd}-${direction}"\\] `));
    expect(came[0]).toMatch(new RegExp(`^/queue tree set \\[find where name="spbe-${opd}-${direction}"\\] .* limit-at=${kbit}k max-limit=${kbit}k `));
  });

  it("a changed subnet changes only that OPD's address-list lines", () => {
    const data = rosData();
    data.opds[2].subnets = ["10.77.9.0/24"]; // disdik
    const changed = render(data);
    for (const l of [...removed(cfg.script, changed.script), ...added(cfg.script, changed.script)]) expect(l).toMatch(/^(:if \(\[:len \[)?\/ip firewall address-list .*"spbe-disdik"/);
  });

  it("IPv6 subnets get the /ipv6 menus; without any, the script never names /ipv6 (RouterOS v6 may lack the package)", () => {
    expect(cfg.script).not.toContain("/ipv6");
    const data = rosData();
    data.opds[1].subnets.push("2001:db8:77::/48");
    const v6 = render(data);
    expect(v6.script).toContain('/ipv6 firewall address-list add list="spbe-dinkes" address="2001:db8:77::/48"');
    expect(v6.script).toContain('/ipv6 firewall mangle set [find where new-packet-mark="spbe-dinkes-up"]');
    expect(v6.rollback).toContain("/ipv6 firewall address-list remove");
  });

  it("quotes interface names with RouterOS' special characters", () => {
    const data = rosData();
    data.devices[0].interfaces[1].name = 'wan$[x]"';
    data.bandwidth.gateway.wanInterface = 'wan$[x]"';
    expect(render(data).script).toContain('out-interface="wan\\$\\[x\\]\\""');
  });
});

describe("validate time: a backend refuses a gateway of another kind (file:line:column, path)", () => {
  const load = (data: any, backend: "linux-tc" | "routeros") => loadInventoryText(stringify(data), "kind.yaml", (inv) => renderChecks(inv, { backend }));
  it.each([
    { name: "linux-tc given a RouterOS gateway (declared)", data: rosData(), backend: "linux-tc" as const, path: "bandwidth.gateway.kind", kind: "routeros" },
    {
      name: "linux-tc given a MikroTik without a kind (derived from its vendor)",
      data: (() => {
        const d = testInventoryData();
        d.devices[0].vendor = "MikroTik";
        return d;
      })(),
      backend: "linux-tc" as const,
      path: "devices[0].vendor",
      kind: "routeros",
    },
    {
      name: "routeros given a Linux gateway (declared)",
      data: (() => {
        const d = testInventoryData();
        d.bandwidth.gateway.kind = "linux";
        return d;
      })(),
      backend: "routeros" as const,
      path: "bandwidth.gateway.kind",
      kind: "linux",
    },
  ])("$name", ({ data, backend, path, kind }) => {
    const r = load(data, backend);
    expect(r.inventory).toBeUndefined();
    const d = r.diagnostics.find((x) => x.code === "quota.backend-kind")!;
    expect(d).toMatchObject({ severity: "error", file: "kind.yaml", params: { backend, kind, gateway: GATEWAY } });
    expect(formatPath(d.path)).toBe(path);
    expect(d.line).toBeGreaterThan(0);
    expect(d.column).toBeGreaterThan(0);
    // The matching backend accepts the same file, and the renderer agrees with the validator.
    const other = backend === "linux-tc" ? "routeros" : "linux-tc";
    expect(load(data, other).inventory).toBeDefined();
    expect(() => renderGatewayConfig(inventorySchema.parse(data), { backend })).toThrow(QuotaConfigError);
  });
});
