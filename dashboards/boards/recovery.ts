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
  const d = newDashboard(`${view.kabupaten}: recovery site`, uid, "Recovery-site reachability, the replication links, and each application's DR replica server.", ["recovery"]);
  const sites = `${M.LABEL_SITE}=~"${anyOf(view.recoverySites)}"`;
  const links = `${M.LABEL_LINK}=~"${anyOf(view.recoveryLinks)}"`;

  d.withPanel(
    statPanel("Recovery site reachable / Pusat pemulihan terjangkau", "percentunit", `Share of devices answering SNMP at ${view.recoverySites.join(", ") || "(no recovery site in the inventory)"}.`)
      .span(8)
      .min(0)
      .max(1)
      .thresholds(thresholds([{ value: null, color: "red" }, { value: 0.99, color: "green" }]))
      .withTarget(prom(`avg by (${M.LABEL_SITE}) (${M.SPBE_SNMP_UP}{${sites}})`, `{{${M.LABEL_SITE}}}`)),
  );
  d.withPanel(
    statPanel("Replication link status / Status link replikasi", "none", `ifOperStatus of the data center to recovery site links (${view.recoveryLinks.join(", ") || "none in the inventory"}).`)
      .span(8)
      .mappings(IF_STATUS_MAPPING)
      .withTarget(prom(`${M.IF_OPER_STATUS}{${links}}`, `{{${M.LABEL_LINK}}} {{${M.LABEL_DEVICE}}}`)),
  );
  d.withPanel(
    statPanel("Replication link utilisation / Utilisasi link replikasi", "percentunit", "Busier direction's share of the declared capacity.")
      .span(8)
      .thresholds(rising(THRESHOLDS.linkUtilisation, 0.95))
      .withTarget(prom(`max by (${M.LABEL_LINK}) (${M.SPBE_LINK_UTILISATION_RATIO}{${links}})`, `{{${M.LABEL_LINK}}}`)),
  );
  d.withPanel(
    tsPanel("Replication traffic / Trafik replikasi", "bps", "Traffic on the data center to recovery site links against their declared capacity.")
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
    tablePanel("DR replicas / Replika DR", "Each application with a DR replica (from the inventory: replica server, RPO, standby or running) and whether its replica server answers (Value: UP/DOWN).")
      .span(24)
      .mappings(UP_MAPPING)
      .withTransformation(hideColumns("Time"))
      .overrideByName("replica_server", [{ id: "links", value: [drilldown("Device detail", deviceUid, "device", "replica_server")] }])
      .withTarget(prom(replicaExpr || "vector(0)", undefined, { instant: true, table: true })),
  );
  return finalize(d.build());
}
