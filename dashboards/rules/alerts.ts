// The NOC's alert rules, generated from the inventory (recovery sites, DR replicas and their RPOs
// come from it; thresholds are the NOC's policy and live in alerts/policy.ts, one place). Every alert
// carries a severity, a summary and description in English and Indonesian, and what to do first.
// This file is the table of contents: each subject's rules live in alerts/<subject>.ts.
import type { AlertingRule, RuleGroup } from "./model";
import type { InventoryView } from "../view";
import { DEFAULT_POLL_INTERVAL_SECONDS, type AlertOptions } from "./alerts/policy";
import { deviceDownAlert, devicePollStaleAlert, snmpModuleEmptyAlert } from "./alerts/devices";
import { backboneInterfaceDownAlert, interfaceErrorsAlert, linkUtilisationHighAlert } from "./alerts/network";
import { opdMonthlyVolumeExceededAlert, opdOverQuotaAlert } from "./alerts/quota";
import { upsLowRuntimeAlert, upsOnBatteryAlert } from "./alerts/power";
import { serverCpuHighAlert, serverStorageHighAlert } from "./alerts/servers";
import { dataCenterPrometheusDownAlert, recoveryReplicaStaleAlert, recoverySiteUnreachableAlert } from "./alerts/recovery";
import { collectorBehindAlert, collectorDownAlert, watchdogAlert } from "./alerts/collector";
import { kabupatenSilentAlert } from "./alerts/province";

export { DEFAULT_POLL_INTERVAL_SECONDS, THRESHOLDS, type AlertOptions } from "./alerts/policy";

export function alertGroups(view: InventoryView, opts: AlertOptions = {}): RuleGroup[] {
  const poll = opts.pollIntervalSeconds ?? DEFAULT_POLL_INTERVAL_SECONDS;
  const recovery = recoveryRules(view);
  return [
    ...deviceGroups(poll),
    { name: "spbe-opd-quota", rules: [opdOverQuotaAlert(), opdMonthlyVolumeExceededAlert()] },
    // A kabupaten without a recovery site or DR replicas gets no empty group.
    ...(recovery.length > 0 ? [{ name: "spbe-recovery", rules: recovery }] : []),
    { name: "spbe-collector", rules: [collectorDownAlert(), collectorBehindAlert(poll), watchdogAlert()] },
  ];
}

/**
 * The groups that need nothing from an inventory: each rule reads every device's series, so over
 * the province's tenant one rule spans every kabupaten (its alerts carry the `kabupaten` label).
 * The provincial vmalert evaluates these (stack/province/), with a kabupaten gone silent (`kabupaten`:
 * the label values of the kabupaten it expects); quota, recovery and the collector's own
 * rules stay with the kabupaten (its inventory's OPDs and replicas, its local Prometheus).
 */
export function provinceAlertGroups(kabupaten: string[], opts: AlertOptions = {}): RuleGroup[] {
  return [{ name: "spbe-province", rules: [kabupatenSilentAlert(kabupaten)] }, ...deviceGroups(opts.pollIntervalSeconds ?? DEFAULT_POLL_INTERVAL_SECONDS)];
}

function deviceGroups(poll: number): RuleGroup[] {
  return [
    { name: "spbe-devices", rules: [deviceDownAlert(), devicePollStaleAlert(poll), snmpModuleEmptyAlert()] },
    { name: "spbe-network", rules: [backboneInterfaceDownAlert(poll), linkUtilisationHighAlert(), interfaceErrorsAlert()] },
    { name: "spbe-power", rules: [upsOnBatteryAlert(), upsLowRuntimeAlert()] },
    { name: "spbe-servers", rules: [serverCpuHighAlert(), serverStorageHighAlert()] },
  ];
}

function recoveryRules(view: InventoryView): AlertingRule[] {
  const siteRules = view.recoverySites.length > 0 ? [recoverySiteUnreachableAlert(view.recoverySites), dataCenterPrometheusDownAlert()] : [];
  return [...siteRules, ...view.replicas.map(recoveryReplicaStaleAlert)];
}
