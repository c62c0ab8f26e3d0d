// Link utilisation levels: one home for the numbers the NOC board colours links by, the alert rule
// fires at and the dashboards colour panels by (dashboards/rules/alerts/policy.ts imports them).

/** Utilisation (traffic / declared capacity) from which a link is "busy": the alert threshold. */
export const LINK_UTILISATION_WARN = 0.8;
/** Utilisation from which a link is near saturation. */
export const LINK_UTILISATION_CRITICAL = 0.95;
