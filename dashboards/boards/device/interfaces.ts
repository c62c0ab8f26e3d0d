// The device's interfaces: traffic, status, errors.
import type * as table from "@grafana/grafana-foundation-sdk/table";
import type * as timeseries from "@grafana/grafana-foundation-sdk/timeseries";
import * as M from "../../../collectors/metric-names";
import { RECORDED } from "../../rules/recording";
import { hideColumns, IF_STATUS_MAPPING, prom, SCRAPE_COLUMNS, tablePanel, tsPanel } from "../../grafana";
import { ONE_DEVICE as one } from "./selector";

export function interfaceTrafficPanel(): timeseries.PanelBuilder {
  return tsPanel(
    {
      title: { en: "Interface traffic", id: "Trafik antarmuka" },
      description: { en: "Received (positive) and sent (negative) bits per second per interface.", id: "Bit per detik yang diterima (positif) dan dikirim (negatif) per antarmuka." },
    },
    "bps",
  )
    .span(24)
    .withTarget(prom(`${octetRate(M.IF_HC_IN_OCTETS, M.IF_IN_OCTETS)} * 8`, `{{${M.LABEL_IF_NAME}}} {{${M.LABEL_IF_DESCR}}} in`))
    .withTarget(prom(`-${octetRate(M.IF_HC_OUT_OCTETS, M.IF_OUT_OCTETS)} * 8`, `{{${M.LABEL_IF_NAME}}} {{${M.LABEL_IF_DESCR}}} out`));
}

/**
 * Octets/s of each interface from whichever counter it has: the 64-bit one where the agent has
 * ifXTable, else the 32-bit one (rate() drops the metric name, so the two sides of `or` carry the same
 * labels and the HC series wins where both exist). Agents without ifXTable have no ifName either:
 * the legend shows ifDescr too.
 */
function octetRate(hc: string, c32: string): string {
  return `(rate(${hc}{${one}}[$__rate_interval]) or rate(${c32}{${one}}[$__rate_interval]))`;
}

export function interfaceStatusTable(): table.PanelBuilder {
  return tablePanel({
    title: { en: "Interface status", id: "Status antarmuka" },
    description: {
      en: "ifOperStatus of every interface; the link column names the inventory link it belongs to.",
      id: "ifOperStatus setiap antarmuka; kolom link menyebut link inventaris tempat antarmuka itu berada.",
    },
  })
    .mappings(IF_STATUS_MAPPING)
    .withTransformation(hideColumns(...SCRAPE_COLUMNS, M.LABEL_DEVICE, M.LABEL_SITE, M.LABEL_OPD, M.LABEL_ROLE))
    .withTarget(prom(`${M.IF_OPER_STATUS}{${one}}`, undefined, { instant: true, table: true }));
}

export function interfaceErrorsPanel(): timeseries.PanelBuilder {
  return tsPanel({ title: { en: "Interface errors", id: "Error antarmuka" }, description: { en: "Input + output errors per second.", id: "Error masuk + keluar per detik." } }, "pps")
    .withTarget(prom(`${RECORDED.interfaceErrors}{${one}}`, `{{${M.LABEL_IF_NAME}}}`));
}
