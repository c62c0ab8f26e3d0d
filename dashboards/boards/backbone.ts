// 2. Backbone: per link, traffic against declared capacity, utilisation and interface status,
// filtered by site and OPD. One repeated row per selected link: a kabupaten with a thousand links
// gets the same handful of panel definitions, not thousands of panels.
import { RowBuilder, type Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import { LineStyleBuilder } from "@grafana/grafana-foundation-sdk/common";
import * as M from "../../collectors/metric-names";
import { dashboardUid } from "../ids";
import { RECORDED } from "../rules/recording";
import { THRESHOLDS } from "../rules/alerts";
import { barPanel, finalize, gaugePanel, IF_STATUS_MAPPING, inventoryVariable, labelVariable, newDashboard, prom, rising, statPanel, tsPanel } from "../grafana";
import type { InventoryView } from "../view";

export function backboneDashboard(view: InventoryView): Dashboard {
  const uid = dashboardUid(view.kabupaten, "backbone");
  const linkFilter = `${M.LABEL_LINK}=~"$link"`;
  const warn = THRESHOLDS.linkUtilisation;
  const d = newDashboard(`${view.kabupaten}: backbone links`, uid, "Per link: traffic in/out against the declared capacity, utilisation, interface status.", ["backbone"])
    .withVariable(inventoryVariable("site", "Site / Lokasi", view.siteIds))
    .withVariable(inventoryVariable("opd", "OPD", view.opdCodes))
    .withVariable(
      labelVariable(
        "link",
        "Link",
        `label_values(${M.IF_OPER_STATUS}{${M.LABEL_LINK}=~".+", ${M.LABEL_SITE}=~"$site", ${M.LABEL_OPD}=~"$opd"}, ${M.LABEL_LINK})`,
        { multi: true },
      ),
    );

  d.withPanel(
    barPanel("Utilisation of the selected links / Utilisasi link", "percentunit", "Highest of in/out utilisation against declared capacity; orange from 80% (the alert threshold).")
      .span(24)
      .min(0)
      .max(1)
      .thresholds(rising(warn, 0.95))
      .withTarget(prom(`sort_desc(max by (${M.LABEL_LINK}) (${M.SPBE_LINK_UTILISATION_RATIO}{${linkFilter}}))`, `{{${M.LABEL_LINK}}}`, { instant: true })),
  );

  const one = `${M.LABEL_LINK}="$link"`;
  d.withRow(
    new RowBuilder("Link $link")
      .repeat("link")
      .withPanel(
        tsPanel("Traffic vs capacity / Trafik vs kapasitas", "bps", "In/out traffic measured on endpoint a; the dashed red line is the link's declared capacity from the inventory.")
          .min(0)
          .withTarget(prom(`${M.SPBE_LINK_TRAFFIC_BPS}{${one}}`, `{{${M.LABEL_DIRECTION}}}`))
          .withTarget(prom(`max(${M.SPBE_LINK_CAPACITY_BPS}{${one}})`, "capacity / kapasitas"))
          .overrideByName("capacity / kapasitas", [
            { id: "color", value: { mode: "fixed", fixedColor: "red" } },
            { id: "custom.lineStyle", value: new LineStyleBuilder().fill("dash").dash([10, 10]).build() },
            { id: "custom.fillOpacity", value: 0 },
          ]),
      )
      .withPanel(
        gaugePanel("Utilisation / Utilisasi", "percentunit", "The busier direction's share of declared capacity.")
          .min(0)
          .max(1)
          .thresholds(rising(warn, 0.95))
          .withTarget(prom(`max(${M.SPBE_LINK_UTILISATION_RATIO}{${one}})`)),
      )
      .withPanel(
        statPanel("Endpoint status / Status ujung", "none", "ifOperStatus of each polled endpoint interface of the link.")
          .height(8)
          .mappings(IF_STATUS_MAPPING)
          .withTarget(prom(`${M.IF_OPER_STATUS}{${one}}`, `{{${M.LABEL_DEVICE}}} {{${M.LABEL_IF_NAME}}}`)),
      )
      .withPanel(
        tsPanel("Errors / Error", "pps", "Input + output errors per second on the link's endpoint interfaces.")
          .span(24)
          .height(6)
          .withTarget(prom(`${RECORDED.interfaceErrors}{${one}}`, `{{${M.LABEL_DEVICE}}} {{${M.LABEL_IF_NAME}}}`)),
      ),
  );
  return finalize(d.build());
}
