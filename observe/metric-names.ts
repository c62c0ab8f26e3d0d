// The Prometheus names of the scheduled observation inside `spbe serve` (observe/schedule.ts), kept in
// one place so dashboards and alerts can import them.
//   spbe_observe_runs_total{result}                  counter: runs finished, result="ok"|"failed"
//   spbe_observe_last_success_timestamp_seconds      gauge: end of the last run that produced facts
//   spbe_observe_duration_seconds                    gauge: how long the last run took
//   spbe_observe_facts{section}                      gauge: facts of each section the last run produced
//   spbe_observe_failed_facts{section,reason}        gauge: facts of the last run that carry a failure
export const OBSERVE_RUNS_TOTAL = "spbe_observe_runs_total";
export const OBSERVE_LAST_SUCCESS = "spbe_observe_last_success_timestamp_seconds";
export const OBSERVE_DURATION = "spbe_observe_duration_seconds";
export const OBSERVE_FACTS = "spbe_observe_facts";
export const OBSERVE_FAILED_FACTS = "spbe_observe_failed_facts";

export const LABEL_RESULT = "result";
export const LABEL_SECTION = "section";
export const LABEL_REASON = "reason";
