import type { Command } from "commander";
export function registerPlan(program: Command): void {
  void program;
}
