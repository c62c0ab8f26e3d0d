// 5. Recovery site: is the recovery site reachable, is the replication path up, and is each
// application's DR replica server answering (the inventory says which server holds which replica).
import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import * as M from "../../collectors/metric-names";
import { dashboardUid } from "../ids";
import { THRESHOLDS } from "../rules/alerts";
import { drilldown, finalize, hideColumns, IF_STATUS_MAPPING, newDashboard, prom, rising, statPanel, tablePanel, thresholds, tsPanel, UP_MAPPING } from "../grafana";
import { anyOf, type InventoryView } from "../view";

export function recoveryDashboard(view: InventoryView): Dashboard {
  const uid = dashboardUid(view.kabupaten, "recovery");
  const deviceUid = dashboardUid(view.kabupaten, "device");
  const text = {
    title: { en: `${view.kabupaten}: recovery site`, id: `${view.kabupaten}: pusat pemulihan` },
    description: {
      en: "Recovery-site reachability, the replication links, and each application's DR replica server.",
      id: "Keterjangkauan pusat pemulihan, link replikasi, dan server replika DR setiap aplikasi.",
    },
  };
  const d = newDashboard(text, uid, ["recovery"]);
  const sites = `${M.LABEL_SITE}=~"${anyOf(view.recoverySites)}"`;
  const links = `${M.LABEL_LINK}=~"${anyOf(view.recoveryLinks)}"`;

  d.withPanel(
    statPanel(
      {
        title: { en: "Recovery site reachable", id: "Pusat pemulihan terjangkau" },
        description: {
          en: `Share of devices answering SNMP at ${view.recoverySites.join(", ") || "(no recovery site in the inventory)"}.`,
          id: `Porsi perangkat yang menjawab SNMP di ${view.recoverySites.join(", ") || "(tidak ada pusat pemulihan di inventaris)"}.`,
        },
      },
      "percentunit",
    )
      .span(8)
      .min(0)
      .max(1)
      .thresholds(thresholds([{ value: null, color: "red" }, { value: 0.99, color: "green" }]))
      .withTarget(prom(`avg by (${M.LABEL_SITE}) (${M.SPBE_SNMP_UP}{${sites}})`, `{{${M.LABEL_SITE}}}`)),
  );
  d.withPanel(
    statPanel(
      {
        title: { en: "Replication link status", id: "Status link replikasi" },
        description: {
          en: `ifOperStatus of the data center to recovery site links (${view.recoveryLinks.join(", ") || "none in the inventory"}).`,
          id: `ifOperStatus link pusat data ke pusat pemulihan (${view.recoveryLinks.join(", ") || "tidak ada di inventaris"}).`,
        },
      },
      "none",
    )
      .span(8)
      .mappings(IF_STATUS_MAPPING)
      .withTarget(prom(`${M.IF_OPER_STATUS}{${links}}`, `{{${M.LABEL_LINK}}} {{${M.LABEL_DEVICE}}}`)),
  );
  d.withPanel(
    statPanel(
      {
        title: { en: "Replication link utilisation", id: "Utilisasi link replikasi" },
        description: { en: "Busier direction's share of the declared capacity.", id: "Porsi kapasitas yang dideklarasikan yang dipakai arah tersibuk." },
      },
      "percentunit",
    )
      .span(8)
      .thresholds(rising(THRESHOLDS.linkUtilisation, 0.95))
      .withTarget(prom(`max by (${M.LABEL_LINK}) (${M.SPBE_LINK_UTILISATION_RATIO}{${links}})`, `{{${M.LABEL_LINK}}}`)),
  );
  d.withPanel(
    tsPanel(
      {
        title: { en: "Replication traffic", id: "Trafik replikasi" },
        description: {
          en: "Traffic on the data center to recovery site links against their declared capacity.",
          id: "Trafik di link pusat data ke pusat pemulihan terhadap kapasitas yang dideklarasikan.",
        },
      },
      "bps",
    )
      .span(24)
      .min(0)
      .withTarget(prom(`${M.SPBE_LINK_TRAFFIC_BPS}{${links}}`, `{{${M.LABEL_LINK}}} {{${M.LABEL_DIRECTION}}}`))
      .withTarget(prom(`${M.SPBE_LINK_CAPACITY_BPS}{${links}}`, `{{${M.LABEL_LINK}}} capacity`)),
  );

  // One labelled series per application with a DR replica: whether its replica server answers.
  // Built from the inventory because no series carries the application -> replica mapping.
  const withLabels = (expr: string, labels: Record<string, string>) =>
    Object.entries(labels).reduce((e, [k, v]) => `label_replace(${e}, "${k}", "${v}", "", "")`, expr);
  const replicaExpr = view.replicas
    .map((r) =>
      withLabels(`max(${M.SPBE_SNMP_UP}{${M.LABEL_DEVICE}="${r.replicaServer}"})`, {
        application: r.application,
        opd: r.opd,
        replica_server: r.replicaServer,
        rpo_minutes: String(r.rpoMinutes),
        mode: r.mode,
      }),
    )
    .join(" or ");
  d.withPanel(
    tablePanel({
      title: { en: "DR replicas", id: "Replika DR" },
      description: {
        en: "Each application with a DR replica (from the inventory: replica server, RPO, standby or running) and whether its replica server answers (Value: UP/DOWN).",
        id: "Setiap aplikasi dengan replika DR (dari inventaris: server replika, RPO, standby atau running) dan apakah server replikanya menjawab (Value: UP/DOWN).",
      },
    })
      .span(24)
      .mappings(UP_MAPPING)
      .withTransformation(hideColumns("Time"))
      .overrideByName("replica_server", [{ id: "links", value: [drilldown({ en: "Device detail", id: "Detail perangkat" }, deviceUid, "device", "replica_server")] }])
      .withTarget(prom(replicaExpr || "vector(0)", undefined, { instant: true, table: true })),
  );
  return finalize(d.build());
}
