// Thin helpers over @grafana/grafana-foundation-sdk so the six dashboards read as "what is shown"
// rather than builder plumbing: one Prometheus query, panels with the project's datasource, the
// shared link menu, and the final pass that numbers panels and queries.
import * as bargauge from "@grafana/grafana-foundation-sdk/bargauge";
import type * as cog from "@grafana/grafana-foundation-sdk/cog";
import { ReduceDataOptionsBuilder, VizLegendOptionsBuilder, LegendDisplayMode, LegendPlacement, BarGaugeDisplayMode, VizOrientation } from "@grafana/grafana-foundation-sdk/common";
import {
  CustomVariableBuilder,
  DashboardBuilder,
  DashboardLinkBuilder,
  DashboardLinkType,
  RowBuilder,
  MappingType,
  QueryVariableBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  VariableRefresh,
  VariableSort,
  type Dashboard,
  type Panel,
  type RowPanel,
  type Threshold,
  type ValueMapping,
} from "@grafana/grafana-foundation-sdk/dashboard";
import * as gauge from "@grafana/grafana-foundation-sdk/gauge";
import { DataqueryBuilder, PromQueryFormat } from "@grafana/grafana-foundation-sdk/prometheus";
import * as stat from "@grafana/grafana-foundation-sdk/stat";
import * as table from "@grafana/grafana-foundation-sdk/table";
import * as timeseries from "@grafana/grafana-foundation-sdk/timeseries";
import * as M from "../collectors/metric-names";
import { mibEnumValue } from "../collectors/modules";
import { PROMETHEUS_DS, SPBE_TAG } from "./ids";
import { shownInEnglish, shownTitle, type PanelText, type Text } from "./text";

export type Steps = Threshold[];

/** A Prometheus query on the provisioned datasource. Range queries unless `instant`. */
export function prom(expr: string, legend?: string, opts: { instant?: boolean; table?: boolean } = {}): DataqueryBuilder {
  const q = new DataqueryBuilder().datasource(PROMETHEUS_DS).expr(expr);
  if (legend) q.legendFormat(legend);
  if (opts.instant) q.instant();
  else q.range();
  if (opts.table) q.format(PromQueryFormat.Table);
  return q;
}

export function thresholds(steps: Steps): ThresholdsConfigBuilder {
  return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(steps);
}

/** Green below `warn`, orange from `warn`, red from `crit`. */
export function rising(warn: number, crit: number): ThresholdsConfigBuilder {
  return thresholds([
    { value: null, color: "green" },
    { value: warn, color: "orange" },
    { value: crit, color: "red" },
  ]);
}

/** Green when 0, red from 1: counts of things that should be zero. */
export const zeroIsGood = () => thresholds([{ value: null, color: "green" }, { value: 1, color: "red" }]);

export function valueMap(entries: Record<string, { text: string; color: string }>): ValueMapping[] {
  return [{ type: MappingType.ValueToText, options: entries }];
}

/** A value mapping for an enumerated MIB object, keyed by the MIB's names: the numbers come from the module files (a wrong name throws when the board is built). */
export function enumValueMap(object: string, entries: Record<string, { text: string; color: string }>): ValueMapping[] {
  const byName = Object.entries(entries);
  return valueMap(Object.fromEntries(byName.map(([name, shown]) => [String(mibEnumValue(object, name)), shown])));
}

/** ifOperStatus values (IF-MIB) as the NOC reads them. */
export const IF_STATUS_MAPPING = enumValueMap(M.IF_OPER_STATUS, {
  up: { text: "up", color: "green" },
  down: { text: "down", color: "red" },
  testing: { text: "testing", color: "orange" },
  dormant: { text: "dormant", color: "orange" },
  lowerLayerDown: { text: "lowerLayerDown", color: "red" },
});
export const UP_MAPPING = valueMap({ "1": { text: "UP", color: "green" }, "0": { text: "DOWN", color: "red" } });

const lastValue = () => new ReduceDataOptionsBuilder().calcs(["lastNotNull"]).values(false);

export function tsPanel(text: PanelText, unit: string): timeseries.PanelBuilder {
  return new timeseries.PanelBuilder()
    .title(shownTitle(text.title))
    .description(shownInEnglish(text.description))
    .datasource(PROMETHEUS_DS)
    .unit(unit)
    .height(8)
    .span(12)
    .fillOpacity(10)
    .legend(new VizLegendOptionsBuilder().displayMode(LegendDisplayMode.Table).placement(LegendPlacement.Right).showLegend(true).calcs(["lastNotNull", "max"]));
}

export function statPanel(text: PanelText, unit: string): stat.PanelBuilder {
  return new stat.PanelBuilder()
    .title(shownTitle(text.title))
    .description(shownInEnglish(text.description))
    .datasource(PROMETHEUS_DS)
    .unit(unit)
    .height(4)
    .span(6)
    .reduceOptions(lastValue());
}

export function gaugePanel(text: PanelText, unit: string): gauge.PanelBuilder {
  return new gauge.PanelBuilder()
    .title(shownTitle(text.title))
    .description(shownInEnglish(text.description))
    .datasource(PROMETHEUS_DS)
    .unit(unit)
    .height(8)
    .span(6)
    .reduceOptions(lastValue());
}

export function barPanel(text: PanelText, unit: string): bargauge.PanelBuilder {
  return new bargauge.PanelBuilder()
    .title(shownTitle(text.title))
    .description(shownInEnglish(text.description))
    .datasource(PROMETHEUS_DS)
    .unit(unit)
    .height(8)
    .span(12)
    .displayMode(BarGaugeDisplayMode.Gradient)
    .orientation(VizOrientation.Horizontal)
    .reduceOptions(lastValue());
}

export function tablePanel(text: PanelText): table.PanelBuilder {
  return new table.PanelBuilder().title(shownTitle(text.title)).description(shownInEnglish(text.description)).datasource(PROMETHEUS_DS).height(8).span(12);
}

/** A row of panels. */
export function row(title: Text): RowBuilder {
  return new RowBuilder(shownTitle(title));
}

/** Grafana's "organize fields" transformation, hiding columns a NOC operator does not need. */
export function hideColumns(...names: string[]) {
  return { id: "organize", options: { excludeByName: Object.fromEntries(names.map((n) => [n, true])) } };
}

/** Columns Prometheus adds to every instant table that say nothing about the device. */
export const SCRAPE_COLUMNS = ["Time", "__name__", "job", "instance"];

/** A multi-select variable whose values come from the inventory (works before any data exists). */
export function inventoryVariable(name: string, label: Text, values: string[]): CustomVariableBuilder {
  // Custom variable values are comma-separated: inventory ids cannot contain commas (schema `id`).
  return new CustomVariableBuilder(name)
    .label(shownTitle(label))
    .values(values.join(","))
    .multi(true)
    .includeAll(true)
    .allValue(".*")
    .current({ selected: true, text: ["All"], value: ["$__all"] });
}

/** A variable whose values Prometheus lists (label_values), so it follows the other filters. */
export function labelVariable(name: string, label: Text, query: string, opts: { multi: boolean }): QueryVariableBuilder {
  const v = new QueryVariableBuilder(name)
    .label(shownTitle(label))
    .datasource(PROMETHEUS_DS)
    .query({ query, refId: "PrometheusVariableQueryEditor-VariableQuery", qryType: 1 })
    .definition(query)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(opts.multi)
    .includeAll(opts.multi);
  if (opts.multi) v.allValue(".*").current({ selected: true, text: ["All"], value: ["$__all"] });
  return v;
}

/** The menu of every spbe dashboard, carrying the current time range and variables along. */
export function spbeLinks(): DashboardLinkBuilder {
  return new DashboardLinkBuilder("SPBE dashboards")
    .type(DashboardLinkType.Dashboards)
    .tags([SPBE_TAG])
    .asDropdown(true)
    .includeVars(true)
    .keepTime(true);
}

export function newDashboard(text: PanelText, uid: string, tags: string[]): DashboardBuilder {
  return new DashboardBuilder(shownInEnglish(text.title))
    .uid(uid)
    .description(shownInEnglish(text.description))
    .tags([SPBE_TAG, ...tags])
    .timezone("browser")
    .time({ from: "now-6h", to: "now" })
    .refresh("1m")
    .editable()
    .link(spbeLinks());
}

/** A link from a panel's values to another dashboard, passing a label as that dashboard's variable. */
export function drilldown(title: Text, uid: string, variable: string, label: string) {
  return { title: shownInEnglish(title), url: `/d/${uid}?var-${variable}=\${__field.labels.${label}}&\${__url_time_range}`, targetBlank: false };
}

/**
 * The last pass over a built dashboard: unique panel ids (rows included), query refIds A, B, ...
 * per panel, and rows meant to be open get their panels laid out after them, which is how Grafana's
 * classic JSON models an expanded row (the SDK nests them as if collapsed).
 */
export function finalize(dashboard: Dashboard, expandedRowTitles: Text[] = []): Dashboard {
  const expandedRows = new Set(expandedRowTitles.map(shownTitle));
  const out: (Panel | RowPanel)[] = [];
  for (const panel of dashboard.panels ?? []) {
    if (panel.type === "row") {
      const row = panel as RowPanel;
      if (expandedRows.has(row.title ?? "")) {
        out.push({ ...row, collapsed: false, panels: [] });
        out.push(...row.panels);
        continue;
      }
    }
    out.push(panel);
  }
  let id = 1;
  const number = (p: Panel | RowPanel) => {
    p.id = id++;
    const targets = (p as Panel).targets as (cog.Dataquery & { refId?: string })[] | undefined;
    targets?.forEach((t, i) => (t.refId = String.fromCharCode(65 + i)));
    if (p.type === "row") (p as RowPanel).panels.forEach(number);
  };
  out.forEach(number);
  // Links in the dashboard header, not folded into Grafana 12's controls menu (the SDK's default).
  const links = (dashboard.links ?? []).map(({ placement: _hidden, ...link }) => link);
  // Plain JSON: the SDK leaves helper functions on query objects.
  return JSON.parse(JSON.stringify({ ...dashboard, links, panels: out })) as Dashboard;
}
