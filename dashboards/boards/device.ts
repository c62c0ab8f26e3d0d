// 4. Device detail: one device chosen by variable; its reachability, interfaces, and, for servers
// and UPS units, CPU, memory, storage and power. Rows that do not apply to a device stay empty,
// so they are collapsed and titled by the role they are for. The panels live in device/<subject>.ts.
import { RowBuilder, type Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import * as M from "../../collectors/metric-names";
import { dashboardUid } from "../ids";
import { finalize, inventoryVariable, labelVariable, newDashboard } from "../grafana";
import type { InventoryView } from "../view";
import { agentUptimePanel, pollDurationPanel, sinceLastPollPanel, snmpReachablePanel } from "./device/reachability";
import { interfaceErrorsPanel, interfaceStatusTable, interfaceTrafficPanel } from "./device/interfaces";
import { cpuLoadPanel, memoryUsedGauge, storageUsedGauge } from "./device/server";
import { upsBatteryStatusPanel, upsChargePanel, upsLoadAndVoltagePanel, upsOutputSourcePanel, upsRuntimeLeftPanel } from "./device/ups";

const ROW_DEVICE = "Device / Perangkat";
const ROW_INTERFACES = "Interfaces / Antarmuka";

export function deviceDashboard(view: InventoryView): Dashboard {
  const uid = dashboardUid(view.kabupaten, "device");
  const d = newDashboard(`${view.kabupaten}: device detail`, uid, "One device: reachability, interfaces, and CPU/memory/storage for servers or power for UPS units.", ["device"])
    .withVariable(inventoryVariable("site", "Site / Lokasi", view.siteIds))
    .withVariable(labelVariable("device", "Device / Perangkat", `label_values(${M.SPBE_SNMP_UP}{${M.LABEL_SITE}=~"$site"}, ${M.LABEL_DEVICE})`, { multi: false }));

  d.withRow(reachabilityRow());
  d.withRow(interfacesRow());
  if (view.hasServers) d.withRow(serverRow());
  if (view.hasUps) d.withRow(upsRow());
  return finalize(d.build(), new Set([ROW_DEVICE, ROW_INTERFACES]));
}

function reachabilityRow(): RowBuilder {
  return new RowBuilder(ROW_DEVICE).withPanel(snmpReachablePanel()).withPanel(agentUptimePanel()).withPanel(pollDurationPanel()).withPanel(sinceLastPollPanel());
}

function interfacesRow(): RowBuilder {
  return new RowBuilder(ROW_INTERFACES).withPanel(interfaceTrafficPanel()).withPanel(interfaceStatusTable()).withPanel(interfaceErrorsPanel());
}

function serverRow(): RowBuilder {
  return new RowBuilder("Server: CPU, memory, storage / Server").withPanel(cpuLoadPanel()).withPanel(memoryUsedGauge()).withPanel(storageUsedGauge());
}

function upsRow(): RowBuilder {
  return new RowBuilder("UPS: power / Daya")
    .withPanel(upsOutputSourcePanel())
    .withPanel(upsRuntimeLeftPanel())
    .withPanel(upsChargePanel())
    .withPanel(upsBatteryStatusPanel())
    .withPanel(upsLoadAndVoltagePanel());
}
