// Runs Debian's promtool on generated rule files. Shared with the quota tests, which build a
// `promtool test rules` case from measured traffic against the same rule file.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";

export function promtoolPath(): string {
  for (const p of ["promtool", "/usr/bin/promtool"]) {
    try {
      execFileSync(p, ["--version"], { stdio: "ignore" });
      return p;
    } catch {
      /* try the next */
    }
  }
  throw new Error("promtool not found: install the Debian package 'prometheus' (scripts/test-deps.sh does)");
}

export function runPromtool(args: string[], cwd: string): { code: number; output: string } {
  const r = spawnSync(promtoolPath(), args, { cwd, encoding: "utf8", timeout: 60_000 });
  return { code: r.status ?? -1, output: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

/**
 * The rule file with every annotation but summary/summary_id removed. promtool compares ALL
 * annotations of a firing alert; unit tests state the summaries (which prove the templates render
 * labels and values) and leave the long texts to `promtool check rules`, which parses every template.
 */
export function withSummariesOnly(rulesYaml: string): string {
  const doc = parse(rulesYaml) as { groups: { rules: { annotations?: Record<string, string> }[] }[] };
  for (const g of doc.groups)
    for (const r of g.rules)
      if (r.annotations) r.annotations = { summary: r.annotations.summary!, summary_id: r.annotations.summary_id! };
  return stringify(doc, { lineWidth: 0 });
}

export interface SeriesInput {
  series: string;
  values: string;
}

export interface ExpectedAlert {
  labels: Record<string, string>;
  summary: string;
  summary_id: string;
}

export interface AlertCase {
  name: string;
  alert: string;
  input: SeriesInput[];
  evalTime: string;
  /** [] = the alert must stay quiet. */
  expect: ExpectedAlert[];
}

/** Writes rules + one promtool test group per case into a fresh directory; returns the test file. */
export function writeRuleTests(rulesYaml: string, cases: AlertCase[], evaluationInterval = "1m"): { dir: string; testFile: string } {
  const dir = mkdtempSync(join(tmpdir(), "spbe-promtool-"));
  writeFileSync(join(dir, "rules.yml"), withSummariesOnly(rulesYaml));
  const doc = {
    rule_files: ["rules.yml"],
    evaluation_interval: evaluationInterval,
    tests: cases.map((c) => ({
      name: c.name,
      interval: "1m",
      input_series: c.input,
      alert_rule_test: [
        {
          eval_time: c.evalTime,
          alertname: c.alert,
          exp_alerts: c.expect.map((e) => ({ exp_labels: e.labels, exp_annotations: { summary: e.summary, summary_id: e.summary_id } })),
        },
      ],
    })),
  };
  const testFile = join(dir, "tests.yml");
  writeFileSync(testFile, stringify(doc, { lineWidth: 0 }));
  return { dir, testFile };
}
