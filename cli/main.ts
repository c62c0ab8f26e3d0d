// The `spbe` command line: parses arguments and calls the modules; no logic of its own.
// Exit codes: cli/exit-codes.ts.
import { Command, CommanderError } from "commander";
import { COMMANDS } from "./commands";
import { ExitCode, UsageError } from "./exit-codes";

export async function main(argv: string[]): Promise<number> {
  const program = new Command("spbe")
    .description(
      "spbe-infra: a kabupaten's data center as code (inventory, Pulumi, SNMP collectors, dashboards, Perda reports)\n" +
        "spbe-infra: pusat data kabupaten sebagai kode (inventaris, Pulumi, kolektor SNMP, dasbor, laporan Perda)",
    )
    .version(require("../package.json").version as string)
    .showHelpAfterError()
    .exitOverride();
  // Every command is listed (name and description: what `spbe --help` shows); only the one that
  // runs, or whose help is asked (`spbe help <name>`), loads its module and its dependencies.
  const wanted = commandNamed(argv);
  for (const entry of COMMANDS) {
    const command = program.command(entry.name).description(entry.description);
    if (entry.name === wanted) entry.load()(command);
  }
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

/** The command the arguments name: the first word (`spbe` itself takes only --help/--version), or help's. */
function commandNamed(argv: readonly string[]): string | undefined {
  const first = argv.find((a) => !a.startsWith("-"));
  return first === "help" ? argv[argv.indexOf("help") + 1] : first;
}
