// The policy engine's metric names (policies/serve.ts writes them as text and exports no
// constants): kept in this one place; when policies exports them, re-export from there instead.
export const COMPLIANCE_FINDINGS = "spbe_compliance_findings"; // gauge, labels opd, severity, rule
export const COMPLIANCE_SCORE = "spbe_compliance_score"; // gauge 0..100, labels opd
/** The `opd` value of the whole kabupaten's score. */
export const KABUPATEN_SCORE_OPD = "_all";
export const LABEL_SEVERITY = "severity";
export const LABEL_RULE = "rule";
