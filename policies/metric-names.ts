// The Prometheus names the compliance engine exports (`spbe serve`, policies/serve.ts), kept in one
// place: the dashboards (dashboards/boards/compliance.ts) import them from here.
//   spbe_compliance_findings{opd,severity,rule}  gauge: failing checks
//   spbe_compliance_score{opd}                   gauge: 0..100, opd="_all" for the whole kabupaten
export const COMPLIANCE_FINDINGS = "spbe_compliance_findings";
export const COMPLIANCE_SCORE = "spbe_compliance_score";

export const LABEL_OPD = "opd";
/** mandatory | advisory */
export const LABEL_SEVERITY = "severity";
/** A rule id of the catalogue (policies/rules/catalogue.ts). */
export const LABEL_RULE = "rule";

/** The `opd` value of the whole kabupaten's score. */
export const KABUPATEN_SCORE_OPD = "_all";

/**
 * The kabupaten a series belongs to once it leaves the kabupaten (remote_write to the province, the
 * provincial report's `--format prom`): its primary domain (`meta.domain`), unique and stable.
 */
export const LABEL_KABUPATEN = "kabupaten";
