// The exit codes of `spbe`, in one place: 0 success, 1 a check failed or a runtime error, 2 bad input
// (usage or inventory). Kept apart from cli/context.ts so the start-up path (cli/main.ts) loads
// nothing of the inventory's parsers to know them.
export const ExitCode = { ok: 0, failed: 1, badInput: 2 } as const;

/** A mistake in how the command was called: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}
