// What every part of the collector passes around: one sample of one series. Its own file because
// the module tables (modules.ts, whose derive() makes samples), the converter, the sinks and the
// derived series all need it, and none of them should import another just for the type.

export type MetricType = "counter" | "gauge";

export type Labels = [string, string][];

export interface Sample {
  name: string;
  type: MetricType;
  help: string;
  labels: Labels;
  /** Exact decimal text (integers are never routed through a double). */
  value: string;
}
