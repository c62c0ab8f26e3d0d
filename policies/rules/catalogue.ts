// Every rule, in the order reports list them: placement first (the heart of both Perda), then
// applications, OPDs, infrastructure, governance (master plan, evaluations), and the rules over observed facts.
import type { Rule } from "../types";
import { appDocumentation, appDrReplica, appFunctionAssessment, appLicense, appDevelopmentDinas, appProcurementVerified, appSecurityAssessment, appSourceRepository } from "./applications";
import { dcAndRecoverySite, deviceProcurementVerified, networkLabelCode, opdBackboneConnected, opdDeviceRecommendation, opdGeneralPurposeHardware } from "./infrastructure";
import { incidentReported, outageRegistered } from "./incidents";
import { appAnswersFromDinasBlocks, deviceReachable, unregisteredName } from "./observed";
import { networkWiredAsDeclared, noUnknownNetworkNeighbour } from "./topology";
import { evaluationReportedSekda, masterPlanReview, masterPlanValid, yearlyEvaluation } from "./governance";
import { opdPengelolaAsn, opdPengelolaDecree, opdPengelolaTik, opdQuota, opdSiteControl, websiteSubdomain } from "./opds";
import { appConfidentialDinas, appExceptionExpiring, appPlacementDc, websiteHostingIndonesia } from "./placement";

export const RULES: readonly Rule[] = [
  appPlacementDc,
  appExceptionExpiring,
  appConfidentialDinas,
  websiteHostingIndonesia,
  websiteSubdomain,
  appDocumentation,
  appSourceRepository,
  appLicense,
  appFunctionAssessment,
  appSecurityAssessment,
  appDrReplica,
  appProcurementVerified,
  appDevelopmentDinas,
  opdPengelolaTik,
  opdPengelolaDecree,
  opdPengelolaAsn,
  opdQuota,
  opdSiteControl,
  dcAndRecoverySite,
  opdBackboneConnected,
  opdDeviceRecommendation,
  opdGeneralPurposeHardware,
  deviceProcurementVerified,
  networkLabelCode,
  masterPlanValid,
  masterPlanReview,
  yearlyEvaluation,
  evaluationReportedSekda,
  incidentReported,
  appAnswersFromDinasBlocks,
  unregisteredName,
  deviceReachable,
  outageRegistered,
  networkWiredAsDeclared,
  noUnknownNetworkNeighbour,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
