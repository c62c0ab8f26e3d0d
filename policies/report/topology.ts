// The report's "declared vs observed" section as rows, shared by the Markdown and HTML renderers (the
// JSON report carries `topology` as policies/topology.ts returns it).
import type { MessageCode } from "../../i18n";
import { describeSeen, type TopologyComparison } from "../topology";
import type { Lang } from "../types";
import { tr } from "./text";

const stateLabel = (lang: Lang, state: string) => tr(lang, `report.link-state.${state}` as MessageCode);

export const topologyLinkHeaders = (lang: Lang) => [tr(lang, "report.col.link"), tr(lang, "report.col.declared"), tr(lang, "report.col.observed"), tr(lang, "report.col.state")];

/** One row per link or cable: its id, the declared ends, what each walked end sees, its state. */
export function topologyLinkRows(lang: Lang, t: TopologyComparison): { state: string; cells: string[] }[] {
  return t.links.map((l) => ({
    state: l.state,
    cells: [
      `${tr(lang, `report.subject.${l.kind}` as MessageCode)} ${l.id}`,
      `${l.a} ↔ ${l.b}`,
      l.ends.map((e) => `${e.device}:${e.interface} → ${e.state === "not-walked" ? stateLabel(lang, "not-walked") : e.seen.length ? e.seen.map(describeSeen).join(", ") : "-"}`).join("; "),
      stateLabel(lang, l.state),
    ],
  }));
}

export const topologyUnknownHeaders = (lang: Lang) => [tr(lang, "report.col.port"), tr(lang, "report.col.neighbour")];

export function topologyUnknownRows(t: TopologyComparison): string[][] {
  return t.unknownNeighbours.map((u) => [`${u.device}:${u.localPort}`, [u.sysName, u.chassisId, u.port, u.managementAddress].filter(Boolean).join(" · ") || "?"]);
}
