// Is the device answering, and how fresh is what the board shows of it.
import type * as stat from "@grafana/grafana-foundation-sdk/stat";
import * as M from "../../../collectors/metric-names";
import { prom, rising, statPanel, UP_MAPPING } from "../../grafana";
import { ONE_DEVICE as one } from "./selector";

export function snmpReachablePanel(): stat.PanelBuilder {
  return statPanel("SNMP reachable / Terjangkau", "none", "Whether the last poll was answered.").mappings(UP_MAPPING).withTarget(prom(`${M.SPBE_SNMP_UP}{${one}}`));
}

export function agentUptimePanel(): stat.PanelBuilder {
  return statPanel("Agent uptime / Uptime agen", "s", "Time since the SNMP agent (re)started.").withTarget(prom(`${M.SYS_UPTIME}{${one}} / 100`));
}

export function pollDurationPanel(): stat.PanelBuilder {
  return statPanel("Poll duration / Durasi poll", "s", "Wall time of the last poll of this device.")
    .thresholds(rising(10, 30))
    .withTarget(prom(`${M.SPBE_SNMP_POLL_DURATION_SECONDS}{${one}}`));
}

export function sinceLastPollPanel(): stat.PanelBuilder {
  return statPanel("Since last poll / Sejak poll terakhir", "s", "Seconds since the last poll of this device ended.")
    .thresholds(rising(180, 600))
    .withTarget(prom(`time() - ${M.SPBE_SNMP_LAST_POLL_TIMESTAMP_SECONDS}{${one}}`));
}
