// Every rule, in the order reports list them: placement first (the heart of both Perda), then
// applications, OPDs, infrastructure, and the rules over observed facts.
import type { Rule } from "../types";
import { appDocumentation, appDrReplica, appFunctionAssessment, appLicense, appProcurementVerified, appSecurityAssessment, appSourceRepository } from "./applications";
import { dcAndRecoverySite, networkLabelCode, opdBackboneConnected, opdDeviceRecommendation, opdGeneralPurposeHardware } from "./infrastructure";
import { appAnswersFromDinasBlocks, deviceReachable, unregisteredName } from "./observed";
import { networkWiredAsDeclared, noUnknownNetworkNeighbour } from "./topology";
import { opdPengelolaDecree, opdPengelolaTik, opdQuota, websiteSubdomain } from "./opds";
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
  opdPengelolaTik,
  opdPengelolaDecree,
  opdQuota,
  dcAndRecoverySite,
  opdBackboneConnected,
  opdDeviceRecommendation,
  opdGeneralPurposeHardware,
  networkLabelCode,
  appAnswersFromDinasBlocks,
  unregisteredName,
  deviceReachable,
  networkWiredAsDeclared,
  noUnknownNetworkNeighbour,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
