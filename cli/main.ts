// The `spbe` command line: parses arguments and calls the modules; no logic of its own.
// Exit codes: 0 success, 1 a check failed or a runtime error, 2 bad input (usage or inventory).
import { Command, CommanderError } from "commander";
import { registerCommands } from "./commands";
import { ExitCode, UsageError } from "./context";

export async function main(argv: string[]): Promise<number> {
  const program = new Command("spbe")
    .description(
      "spbe-infra: a kabupaten's data center as code (inventory, Pulumi, SNMP collectors, dashboards, Perda reports)\n" +
        "spbe-infra: pusat data kabupaten sebagai kode (inventaris, Pulumi, kolektor SNMP, dasbor, laporan Perda)",
    )
    .version(require("../package.json").version as string)
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : ExitCode.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`spbe: ${err.message}\n`);
      return ExitCode.badInput;
    }
    throw err;
  }
}
