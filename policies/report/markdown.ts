// The Markdown report: the same sections as the HTML one, for wikis and merge requests.
import type { FindingKey, Lang, Report } from "../types";
import { topologyLinkHeaders, topologyLinkRows, topologyUnknownHeaders, topologyUnknownRows } from "./topology";
import { availabilityContent } from "./availability";
import { renderDiagnostic } from "../../inventory/diagnostics";
import { coverageLines, indicatorLines, letterHead, obstructionLines, opdSummaryTable, sanctionLines, signoff, trendLines, verdictLines } from "./law-sections";
import { formatScore, opdName, pick, ruleIndex, scoreNote, severityLabel, statusLabel, subjectLabel, tr } from "./text";

const cell = (s: string | number) => String(s).replace(/\|/g, "\\|").replace(/\n/g, " ");

function table(headers: string[], rows: (string | number)[][]): string {
  return [`| ${headers.map(cell).join(" | ")} |`, `| ${headers.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");
}

export function renderMarkdown(report: Report, lang: Lang): string {
  const rules = ruleIndex(report);
  const out: string[] = [];
  out.push(`# ${tr(lang, "report.title", { kabupaten: report.kabupaten })}`, "");
  const head = letterHead(report, lang);
  out.push(head.number, "", head.addressee, "");
  for (const p of report.profiles) out.push(tr(lang, `report.framing.${p}`), "");
  out.push(`${tr(lang, "report.as-of", { date: report.asOf })} · ${report.domain}`, "");
  out.push(`${tr(lang, "report.regulations")}: ${report.profiles.map((p) => tr(lang, `report.profile.${p}`)).join("; ")}`, "");

  out.push(`## ${tr(lang, "report.summary")}`, "");
  const verdict = verdictLines(report, lang);
  out.push(`**${verdict.headline}**`, "", verdict.thresholds, "", verdict.scope, "");
  const o = report.overall;
  out.push(`**${tr(lang, "report.overall", { score: formatScore(lang, o.score), mandatory: o.mandatory, advisory: o.advisory, checks: o.checks })}**`, "");
  out.push(`${scoreNote(lang)} ${tr(lang, report.factsUsed ? "report.facts-used" : "report.facts-not-used")}`, "");
  const opdTable = opdSummaryTable(report, lang);
  out.push(table(opdTable.headers, opdTable.rows), "");

  if (report.plausibility?.length) out.push(`## ${tr(lang, "law.plausibility")}`, "", tr(lang, "law.plausibility.note"), "", ...report.plausibility.map((d) => `- \`${cell(renderDiagnostic(d, lang))}\``), "");

  if (report.coverage) out.push(`## ${tr(lang, "law.coverage")}`, "", ...coverageLines(report, lang).map((l) => `- ${l}`), "", tr(lang, "law.coverage.note"), "");

  out.push(`## ${tr(lang, "report.by-opd")}`, "");
  if (report.findings.length === 0) out.push(tr(lang, "report.no-findings"), "");
  const opds = [...new Set(report.findings.map((f) => f.opd))];
  for (const opd of opds) {
    out.push(`### ${opdName(report, opd)} (${opd})`, "");
    out.push(
      table(
        [tr(lang, "report.col.severity"), tr(lang, "report.col.rule"), tr(lang, "report.col.citation"), tr(lang, "report.col.subject"), tr(lang, "report.col.evidence"), tr(lang, "report.col.remediation")],
        report.findings
          .filter((f) => f.opd === opd)
          .map((f) => {
            const r = rules.get(f.rule)!;
            return [severityLabel(lang, f.severity), `${pick(lang, r.title)} (\`${f.rule}\`)`, r.citations.join("; "), subjectLabel(lang, f.subject), pick(lang, f.evidence), pick(lang, r.remediation)];
          }),
      ),
      "",
    );
  }

  out.push(`## ${tr(lang, "report.by-article")}`, "");
  for (const r of report.rules.filter((x) => x.failed > 0)) {
    out.push(`### ${r.citations.join("; ")}: ${pick(lang, r.title)} (${severityLabel(lang, r.severity)}, ${r.failed}/${r.checked})`, "");
    for (const f of report.findings.filter((x) => x.rule === r.id)) out.push(`- ${opdName(report, f.opd)}: ${subjectLabel(lang, f.subject)}: ${pick(lang, f.evidence)}`);
    out.push("");
  }

  const sanctions = sanctionLines(report, lang);
  if (sanctions) out.push(`## ${tr(lang, "law.sanctions")}`, "", ...(sanctions.length ? sanctions.map((l) => `- ${l}`) : [tr(lang, "report.none")]), "", tr(lang, "law.sanctions.note"), "");
  const obstruction = obstructionLines(report, lang);
  if (obstruction) out.push(`## ${tr(lang, "law.obstruction")}`, "", ...obstruction.map((l) => `- ${l}`), "");

  out.push(`## ${tr(lang, "report.exceptions")}`, "");
  out.push(
    report.exceptions.length === 0
      ? tr(lang, "report.none")
      : table(
          [tr(lang, "report.col.application"), tr(lang, "report.col.opd"), tr(lang, "report.col.ref"), tr(lang, "report.col.signed-by-opd"), tr(lang, "report.col.signed-by-provider"), tr(lang, "report.col.expires"), tr(lang, "report.col.days-left"), tr(lang, "report.col.status")],
          report.exceptions.map((e) => [e.application, e.opd, e.ref, e.signedByOpd ?? "-", e.signedByProvider ?? "-", e.expires, e.daysLeft, statusLabel(lang, e.status)]),
        ),
    "",
  );

  if (report.availability) {
    const a = availabilityContent(report.availability, lang);
    out.push(`## ${a.title}`, "", ...a.lines.flatMap((l) => [l, ""]));
    for (const t of a.tables) out.push(`### ${t.title}`, "", table(t.headers, t.rows), "");
  }

  if (report.staleFacts?.length) {
    out.push(`## ${tr(lang, "report.stale-facts")}`, "", tr(lang, "report.stale-facts-note", { hours: report.maxFactAgeHours ?? "-" }), "");
    out.push(
      table(
        [tr(lang, "report.col.section"), tr(lang, "report.col.subject"), tr(lang, "report.col.source"), tr(lang, "report.col.observed-at"), tr(lang, "report.col.age-hours")],
        report.staleFacts.map((f) => [f.section, f.subject, f.source, f.observedAt, f.ageHours]),
      ),
      "",
    );
  }

  if (report.topology) {
    out.push(`## ${tr(lang, "report.topology")}`, "", tr(lang, "report.topology-note"), "");
    out.push(table(topologyLinkHeaders(lang), topologyLinkRows(lang, report.topology).map((r) => r.cells)), "");
    out.push(`### ${tr(lang, "report.topology-unknown")} (${report.topology.unknownNeighbours.length})`, "");
    out.push(report.topology.unknownNeighbours.length ? table(topologyUnknownHeaders(lang), topologyUnknownRows(report.topology)) : tr(lang, "report.none"), "");
  }

  if (report.changes) {
    const line = (k: FindingKey) => `- \`${k.rule}\` ${subjectLabel(lang, k.subject)} (${k.opd})`;
    out.push(`## ${tr(lang, "report.changes", { date: report.changes.previousAsOf })}`, "");
    out.push(`### ${tr(lang, "report.resolved")} (${report.changes.resolved.length})`, "", ...(report.changes.resolved.length ? report.changes.resolved.map(line) : [tr(lang, "report.none")]), "");
    out.push(`### ${tr(lang, "report.new")} (${report.changes.added.length})`, "", ...(report.changes.added.length ? report.changes.added.map(line) : [tr(lang, "report.none")]), "");
    const worsened = report.changes.worsened ?? [];
    const persisting = report.changes.persisting ?? [];
    out.push(`### ${tr(lang, "law.worsened")} (${worsened.length})`, "", ...(worsened.length ? worsened.map((k) => `${line(k)} ${tr(lang, "law.worsened-from", { from: k.from })}`) : [tr(lang, "report.none")]), "");
    out.push(`### ${tr(lang, "law.persisting")} (${persisting.length})`, "", ...(persisting.length ? persisting.map(line) : [tr(lang, "report.none")]), "");
    const trend = trendLines(report);
    if (trend.length) out.push(`### ${tr(lang, "law.trend")}`, "", ...trend.map((l) => `- ${l}`), "");
  }

  const indicators = indicatorLines(report, lang);
  if (indicators) out.push(`## ${tr(lang, "law.indicators")}`, "", ...indicators.map((l) => `- ${l}`), "", tr(lang, "law.indicators.note"), "");

  out.push(`## ${tr(lang, "report.rules")}`, "");
  out.push(
    table(
      [tr(lang, "report.col.rule"), tr(lang, "report.col.citation"), tr(lang, "report.col.severity"), tr(lang, "report.col.checks"), tr(lang, "report.col.failed")],
      report.rules.map((r) => [`${pick(lang, r.title)} (\`${r.id}\`)`, r.citations.join("; "), severityLabel(lang, r.severity), r.checked, r.failed]),
    ),
    "",
  );
  const sign = signoff(report, lang);
  out.push(`## ${sign.title}`, "", sign.none ?? table(sign.headers, sign.rows), "");
  return out.join("\n");
}
