// The policy engine's metric names, as agreed in the team contract. They are not (yet) exported
// from a module of the policies developer; when one lands, re-export from it here instead.
export const COMPLIANCE_FINDINGS = "spbe_compliance_findings"; // gauge, labels opd, severity, rule
export const COMPLIANCE_SCORE = "spbe_compliance_score"; // gauge, labels opd
export const LABEL_SEVERITY = "severity";
export const LABEL_RULE = "rule";
