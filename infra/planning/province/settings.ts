// What the provincial tier is given (stack/province/config.ts reads it from Pulumi.<stack>.yaml): the
// province, where its Kubernetes cluster runs, its kabupaten/kota with their tenants, and the sizes.
// Plain data; the planner (plan.ts) turns it into what to deploy.

/** Where the cluster runs and who runs it: the facts the CrossGuard pack judges (Indonesia only). */
export interface ClusterLocation {
  name: string;
  /** ISO 3166-1 alpha-2 country of the cluster's nodes ("ID"). */
  country: string;
  /** Region or city of the data center, free text ("Palangka Raya"). */
  region: string;
  /** The legal entity operating the cluster (the province's Diskominfo, or a rented provider). */
  operator: string;
  /** ISO 3166-1 alpha-2 country the operator is incorporated in. */
  operatorCountry: string;
}

export interface ProvinceKabupatenSettings {
  /** As in its inventory's meta.kabupaten. */
  name: string;
  /** Its meta.domain: the value of the `kabupaten` label on its series. */
  domain: string;
  /** Its VictoriaMetrics tenant (accountID): its edge writes to /insert/<accountId>/prometheus/api/v1/write. */
  accountId: number;
  /**
   * Its collector (`spbe serve`) as the provincial vmagent reaches it, e.g. https://noc.klatenkab.go.id:9116;
   * unset when the kabupaten runs its own edge vmagent and the province polls nothing there.
   */
  collectorUrl?: string;
}

export interface HelmChartSettings {
  version: string;
}

export interface ProvinceSettings {
  province: string;
  namespace: string;
  cluster: ClusterLocation;
  /** The province's own tenant: what the provincial vmagent writes, what the provincial board reads. */
  provinceAccountId: number;
  kabupaten: ProvinceKabupatenSettings[];
  vmagent: { members: number; replicationFactor: number; image: string; bufferVolume: string; scrapeInterval: string };
  /** The provincial vmalert: its image (1.79, the release whose rule parser stack/province renders for) and evaluation interval. */
  vmalert: { image: string; evaluationInterval: string };
  storage: { vmstorage: number; vminsert: number; vmselect: number; replicationFactor: number; retention: string; volume: string; storageClass?: string };
  charts: { victoriaMetricsCluster: HelmChartSettings; vmalert: HelmChartSettings; grafana: HelmChartSettings; alertmanager: HelmChartSettings };
}

export const PROVINCE_DEFAULTS = {
  namespace: "spbe-provinsi",
  provinceAccountId: 0,
  vmagent: { members: 3, replicationFactor: 2, image: "victoriametrics/vmagent:v1.79.5", bufferVolume: "20Gi", scrapeInterval: "60s" },
  vmalert: { image: "victoriametrics/vmalert:v1.79.5", evaluationInterval: "60s" },
  storage: { vmstorage: 3, vminsert: 2, vmselect: 2, replicationFactor: 2, retention: "12", volume: "200Gi" },
} as const;
