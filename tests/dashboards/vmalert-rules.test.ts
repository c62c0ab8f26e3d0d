// The vmalert 1.79 copy of rule groups (dashboards/rules/vmalert.ts): only the fields 1.79 refuses
// are dropped, each one named; recording rules and every other field pass as they are; the input is
// not changed. The real vmalert's verdict on the copies is in tests/observe/edge-vmagent.test.ts and
// tests/stack/province-program.test.ts.
import { describe, expect, it } from "vitest";
import type { RuleGroup } from "../../dashboards/rules/model";
import { describeDropped, vmalert179Groups } from "../../dashboards/rules/vmalert";
import { provinceAlertGroups } from "../../dashboards/rules/alerts";

const annotations = { summary: "s", summary_id: "s", description: "d", description_id: "d", runbook: "r", runbook_id: "r" };
const groups: RuleGroup[] = [
  {
    name: "g",
    interval: "30s",
    rules: [
      { record: "spbe:x", expr: "sum(x)" },
      { alert: "A", expr: "x > 1", for: "2m", keep_firing_for: "120s", labels: { severity: "critical" }, annotations },
      { alert: "B", expr: "y > 1", labels: { severity: "warning" }, annotations },
    ],
  },
];

describe("vmalert179Groups", () => {
  it("drops keep_firing_for and names the alert that lost it, nothing else", () => {
    const before = structuredClone(groups);
    const out = vmalert179Groups(groups);
    expect(out.dropped).toEqual([{ group: "g", alert: "A", field: "keep_firing_for", value: "120s" }]);
    expect(out.groups).toEqual([{ ...groups[0], rules: [groups[0]!.rules[0], { alert: "A", expr: "x > 1", for: "2m", labels: { severity: "critical" }, annotations }, groups[0]!.rules[2]] }]);
    expect(groups).toEqual(before);
    expect(describeDropped(out.dropped[0]!)).toBe("A: keep_firing_for 120s dropped for vmalert 1.79 (the alert resolves at the first evaluation its condition is false, instead of firing on for that long)");
  });

  it("the provincial groups lose only the backbone alert's keep_firing_for (two poll intervals)", () => {
    const out = vmalert179Groups(provinceAlertGroups(["klatenkab.go.id"], { pollIntervalSeconds: 30 }));
    expect(out.dropped.map((d) => [d.alert, d.value])).toEqual([["SpbeBackboneInterfaceDown", "60s"]]);
    expect(JSON.stringify(out.groups)).not.toContain("keep_firing_for");
  });
});
