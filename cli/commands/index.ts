// Every subcommand, one module each. Add a command by adding its register function here.
import type { Command } from "commander";
import { registerAlerts } from "./alerts";
import { registerDashboards } from "./dashboards";
import { registerImport } from "./import";
import { registerInit } from "./init";
import { registerPlan } from "./plan";
import { registerProbes } from "./probes";
import { registerQuotas } from "./quotas";
import { registerNetwork } from "./network";
import { registerCheck } from "./check";
import { registerObserve } from "./observe";
import { registerReport } from "./report";
import { registerSchema } from "./schema";
import { registerServe } from "./serve";
import { registerSimulate } from "./simulate";
import { registerTargets } from "./targets";
import { registerValidate } from "./validate";

export function registerCommands(program: Command): void {
  registerInit(program);
  registerImport(program);
  registerValidate(program);
  registerPlan(program);
  registerServe(program);
  registerSimulate(program);
  registerTargets(program);
  registerDashboards(program);
  registerAlerts(program);
  registerReport(program);
  registerCheck(program);
  registerQuotas(program);
  registerNetwork(program);
  registerObserve(program);
  registerProbes(program);
  registerSchema(program);
}
