// 2. Backbone: per link, traffic against declared capacity, utilisation and interface status,
// filtered by site and OPD. One repeated row per selected link: a kabupaten with a thousand links
// gets the same handful of panel definitions, not thousands of panels.
import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import { LineStyleBuilder } from "@grafana/grafana-foundation-sdk/common";
import * as M from "../../collectors/metric-names";
import { dashboardUid } from "../ids";
import { RECORDED } from "../rules/recording";
import { THRESHOLDS } from "../rules/alerts";
import { barPanel, finalize, gaugePanel, IF_STATUS_MAPPING, inventoryVariable, labelVariable, newDashboard, prom, rising, row, statPanel, tsPanel } from "../grafana";
import type { InventoryView } from "../view";

export function backboneDashboard(view: InventoryView): Dashboard {
  const uid = dashboardUid(view.kabupaten, "backbone");
  const linkFilter = `${M.LABEL_LINK}=~"$link"`;
  const warn = THRESHOLDS.linkUtilisation;
  const text = {
    title: { en: `${view.kabupaten}: backbone links`, id: `${view.kabupaten}: link backbone` },
    description: {
      en: "Per link: traffic in/out against the declared capacity, utilisation, interface status.",
      id: "Per link: trafik masuk/keluar terhadap kapasitas yang dideklarasikan, utilisasi, status antarmuka.",
    },
  };
  const d = newDashboard(text, uid, ["backbone"])
    .withVariable(inventoryVariable("site", { en: "Site", id: "Lokasi" }, view.siteIds))
    .withVariable(inventoryVariable("opd", { en: "OPD", id: "OPD" }, view.opdCodes))
    .withVariable(
      labelVariable(
        "link",
        { en: "Link", id: "Link" },
        `label_values(${M.IF_OPER_STATUS}{${M.LABEL_LINK}=~".+", ${M.LABEL_SITE}=~"$site", ${M.LABEL_OPD}=~"$opd"}, ${M.LABEL_LINK})`,
        { multi: true },
      ),
    );

  d.withPanel(
    barPanel(
      {
        title: { en: "Utilisation of the selected links", id: "Utilisasi link" },
        description: {
          en: "Highest of in/out utilisation against declared capacity; orange from 80% (the alert threshold).",
          id: "Utilisasi masuk/keluar tertinggi terhadap kapasitas yang dideklarasikan; oranye mulai 80% (ambang alert).",
        },
      },
      "percentunit",
    )
      .span(24)
      .min(0)
      .max(1)
      .thresholds(rising(warn, 0.95))
      .withTarget(prom(`sort_desc(max by (${M.LABEL_LINK}) (${M.SPBE_LINK_UTILISATION_RATIO}{${linkFilter}}))`, `{{${M.LABEL_LINK}}}`, { instant: true })),
  );

  const one = `${M.LABEL_LINK}="$link"`;
  d.withRow(
    row({ en: "Link $link", id: "Link $link" })
      .repeat("link")
      .withPanel(
        tsPanel(
          {
            title: { en: "Traffic vs capacity", id: "Trafik vs kapasitas" },
            description: {
              en: "In/out traffic measured on endpoint a; the dashed red line is the link's declared capacity from the inventory.",
              id: "Trafik masuk/keluar yang diukur di ujung a; garis merah putus-putus adalah kapasitas link yang dideklarasikan di inventaris.",
            },
          },
          "bps",
        )
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
        gaugePanel(
          {
            title: { en: "Utilisation", id: "Utilisasi" },
            description: { en: "The busier direction's share of declared capacity.", id: "Porsi kapasitas yang dideklarasikan yang dipakai arah tersibuk." },
          },
          "percentunit",
        )
          .min(0)
          .max(1)
          .thresholds(rising(warn, 0.95))
          .withTarget(prom(`max(${M.SPBE_LINK_UTILISATION_RATIO}{${one}})`)),
      )
      .withPanel(
        statPanel(
          {
            title: { en: "Endpoint status", id: "Status ujung" },
            description: { en: "ifOperStatus of each polled endpoint interface of the link.", id: "ifOperStatus setiap antarmuka ujung link yang di-poll." },
          },
          "none",
        )
          .height(8)
          .mappings(IF_STATUS_MAPPING)
          .withTarget(prom(`${M.IF_OPER_STATUS}{${one}}`, `{{${M.LABEL_DEVICE}}} {{${M.LABEL_IF_NAME}}}`)),
      )
      .withPanel(
        tsPanel(
          {
            title: { en: "Errors", id: "Error" },
            description: { en: "Input + output errors per second on the link's endpoint interfaces.", id: "Error masuk + keluar per detik di antarmuka ujung link." },
          },
          "pps",
        )
          .span(24)
          .height(6)
          .withTarget(prom(`${RECORDED.interfaceErrors}{${one}}`, `{{${M.LABEL_DEVICE}}} {{${M.LABEL_IF_NAME}}}`)),
      ),
  );
  return finalize(d.build());
}
