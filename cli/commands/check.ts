// spbe check <inventory>: for the CI of the inventory repository. Exit 1 when a mandatory Perda
// rule fails, with a short list (one line per finding); advisories are listed but do not fail.
import type { Command } from "commander";
import { render, t } from "../../i18n";
import { evaluate } from "../../policies";
import { availabilityContent } from "../../policies/report/availability";
import { ExitCode, formatOption, langOf, langOption, loadForCommand } from "../context";
import { historyOptions, historyRequest, withHistory, type HistoryCliOptions } from "../history-options";
import { asOfOption, factsOption, maxFactAgeOption, parseAsOf, readFactsForCommand } from "./report";

export function configureCheck(command: Command): void {
  command
    .argument("<inventory>", "inventory YAML file")
    .addOption(factsOption())
    .addOption(maxFactAgeOption())
    .addOption(asOfOption())
    .addOption(formatOption())
    .addOption(langOption());
  for (const o of historyOptions()) command.addOption(o);
  command.action(async (file: string, opts: { facts?: string[]; maxFactAge?: number; asOf?: string; format: string; lang?: string } & HistoryCliOptions) => {
      const lang = langOf(opts);
      const asOf = parseAsOf(opts.asOf, lang);
      historyRequest(opts, lang);
      const { inventory } = loadForCommand(file, opts);
      if (!inventory) return;
      const read = readFactsForCommand(opts.facts, lang);
      if (!read.ok) return;
      const facts = await withHistory(read.facts, opts, lang);
      const report = evaluate(inventory, { asOf, ...(facts ? { facts } : {}), ...(opts.maxFactAge ? { maxFactAgeHours: opts.maxFactAge } : {}) });
      const citations = new Map(report.rules.map((r) => [r.id, r.citations.join("; ")]));
      const mandatory = report.findings.filter((f) => f.severity === "mandatory");
      const advisory = report.findings.filter((f) => f.severity === "advisory");
      if (opts.format === "json") {
        const line = (f: (typeof report.findings)[number]) => ({ rule: f.rule, citation: citations.get(f.rule), opd: f.opd, subject: f.subject, evidence: render(f.evidence, lang) });
        process.stdout.write(JSON.stringify({ file, asOf: report.asOf, passed: mandatory.length === 0, score: report.overall.score, mandatory: mandatory.map(line), advisory: advisory.map(line), ...(report.staleFacts ? { staleFacts: report.staleFacts } : {}), ...(report.availability ? { availability: report.availability } : {}) }, null, 2) + "\n");
      } else {
        for (const f of [...mandatory, ...advisory]) {
          const tag = f.severity === "mandatory" ? t(lang, "report.severity.mandatory").toUpperCase() : t(lang, "report.severity.advisory");
          process.stdout.write(`${tag.padEnd(9)} ${f.rule} ${f.subject.kind} ${f.subject.id} (${f.opd}) [${citations.get(f.rule)}]: ${render(f.evidence, lang)}\n`);
        }
        if (report.staleFacts?.length) process.stdout.write(t(lang, "check.stale-facts", { count: report.staleFacts.length, hours: report.maxFactAgeHours ?? "-" }) + "\n");
        // Availability is information, not a finding: its summary lines, never the exit code.
        if (report.availability) for (const l of availabilityContent(report.availability, lang).lines) process.stdout.write(l + "\n");
        const summary = { file, mandatory: mandatory.length, advisory: advisory.length, score: report.overall.score };
        process.stdout.write(t(lang, mandatory.length ? "check.failed" : "check.ok", summary) + "\n");
      }
      if (mandatory.length) process.exitCode = ExitCode.failed;
    });
}
