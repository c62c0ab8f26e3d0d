// 4. Device detail: one device chosen by variable; its reachability, interfaces, and, for servers
// and UPS units, CPU, memory, storage and power. Rows that do not apply to a device stay empty,
// so they are collapsed and titled by the role they are for. The panels live in device/<subject>.ts.
import type { Dashboard, RowBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import * as M from "../../collectors/metric-names";
import { dashboardUid } from "../ids";
import { finalize, inventoryVariable, labelVariable, newDashboard, row } from "../grafana";
import type { Text } from "../text";
import type { InventoryView } from "../view";
import { agentUptimePanel, moduleStatusTable, pollDurationPanel, sinceLastPollPanel, snmpReachablePanel } from "./device/reachability";
import { interfaceErrorsPanel, interfaceStatusTable, interfaceTrafficPanel } from "./device/interfaces";
import { cpuLoadPanel, memoryUsedGauge, storageUsedGauge } from "./device/server";
import { upsBatteryStatusPanel, upsChargePanel, upsLoadAndVoltagePanel, upsOutputSourcePanel, upsRuntimeLeftPanel } from "./device/ups";

const ROW_DEVICE: Text = { en: "Device", id: "Perangkat" };
const ROW_INTERFACES: Text = { en: "Interfaces", id: "Antarmuka" };

export function deviceDashboard(view: InventoryView): Dashboard {
  const uid = dashboardUid(view.kabupaten, "device");
  const text = {
    title: { en: `${view.kabupaten}: device detail`, id: `${view.kabupaten}: detail perangkat` },
    description: {
      en: "One device: reachability, interfaces, and CPU/memory/storage for servers or power for UPS units.",
      id: "Satu perangkat: keterjangkauan, antarmuka, dan CPU/memori/penyimpanan untuk server atau daya untuk UPS.",
    },
  };
  const d = newDashboard(text, uid, ["device"])
    .withVariable(inventoryVariable("site", { en: "Site", id: "Lokasi" }, view.siteIds))
    .withVariable(labelVariable("device", ROW_DEVICE, `label_values(${M.SPBE_SNMP_UP}{${M.LABEL_SITE}=~"$site"}, ${M.LABEL_DEVICE})`, { multi: false }));

  d.withRow(reachabilityRow());
  d.withRow(interfacesRow());
  if (view.hasServers) d.withRow(serverRow());
  if (view.hasUps) d.withRow(upsRow());
  return finalize(d.build(), [ROW_DEVICE, ROW_INTERFACES]);
}

function reachabilityRow(): RowBuilder {
  return row(ROW_DEVICE).withPanel(snmpReachablePanel()).withPanel(agentUptimePanel()).withPanel(pollDurationPanel()).withPanel(sinceLastPollPanel()).withPanel(moduleStatusTable());
}

function interfacesRow(): RowBuilder {
  return row(ROW_INTERFACES).withPanel(interfaceTrafficPanel()).withPanel(interfaceStatusTable()).withPanel(interfaceErrorsPanel());
}

function serverRow(): RowBuilder {
  return row({ en: "Server: CPU, memory, storage", id: "Server" }).withPanel(cpuLoadPanel()).withPanel(memoryUsedGauge()).withPanel(storageUsedGauge());
}

function upsRow(): RowBuilder {
  return row({ en: "UPS: power", id: "Daya" })
    .withPanel(upsOutputSourcePanel())
    .withPanel(upsRuntimeLeftPanel())
    .withPanel(upsChargePanel())
    .withPanel(upsBatteryStatusPanel())
    .withPanel(upsLoadAndVoltagePanel());
}
