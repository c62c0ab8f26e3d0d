// Alert names are an interface: Alertmanager routes, silences, runbooks and the quota developer's
// promtool test refer to them. Change one only with everyone who reads it.
export const ALERT = {
  deviceDown: "SpbeDeviceDown",
  backboneInterfaceDown: "SpbeBackboneInterfaceDown",
  linkUtilisationHigh: "SpbeLinkUtilisationHigh",
  opdOverQuota: "SpbeOpdOverQuota",
  opdMonthlyVolumeExceeded: "SpbeOpdMonthlyVolumeExceeded",
  interfaceErrors: "SpbeInterfaceErrors",
  upsOnBattery: "SpbeUpsOnBattery",
  upsLowRuntime: "SpbeUpsLowRuntime",
  serverCpuHigh: "SpbeServerCpuHigh",
  serverStorageHigh: "SpbeServerStorageHigh",
  recoverySiteUnreachable: "SpbeRecoverySiteUnreachable",
  recoveryReplicaStale: "SpbeRecoveryReplicaStale",
  dataCenterPrometheusDown: "SpbeDataCenterPrometheusDown",
  collectorDown: "SpbeCollectorDown",
  collectorBehind: "SpbeCollectorBehind",
  devicePollStale: "SpbeDevicePollStale",
  snmpModuleEmpty: "SpbeSnmpModuleEmpty",
  watchdog: "SpbeWatchdog",
} as const;
export type AlertName = (typeof ALERT)[keyof typeof ALERT];

/** Alerts only the provincial vmalert evaluates (dashboards/rules/alerts/province.ts), not in a kabupaten's rule file. */
export const PROVINCE_ALERT = {
  kabupatenSilent: "SpbeKabupatenSilent",
} as const;

/** Always firing: proves rules are loaded and alerts reach their receiver (a dead man's switch). */
export const WATCHDOG_ALERT = ALERT.watchdog;
/** The alert the quota tests exercise with measured traffic. */
export const OVER_QUOTA_ALERT = ALERT.opdOverQuota;

/** Where buildAlertRules puts its single rule file, relative to the output directory. */
export const RULES_FILE_PATH = "prometheus/rules/spbe.rules.yml";
