// The policy engine's metric and label names, as the dashboards use them: defined once in
// policies/metric-names.ts (which policies/serve.ts writes), re-exported here.
export { COMPLIANCE_FINDINGS, COMPLIANCE_SCORE, KABUPATEN_SCORE_OPD, LABEL_OPD, LABEL_RULE, LABEL_SEVERITY } from "../policies/metric-names";
