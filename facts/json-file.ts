// Reading the JSON inputs of a report (observed facts, the previous report): every failure becomes
// an InputFileError that names the file, so the CLI prints one clear line and writes nothing.
import { readFileSync } from "node:fs";
import type { z } from "zod";

/** A facts or previous-report file that cannot be used; the message names the file. */
export class InputFileError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = "InputFileError";
  }
}

/** Reads and parses a JSON file, turning every failure into an InputFileError naming the file. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputFileError(file, code === "ENOENT" ? "no such file" : (err as Error).message);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputFileError(file, `not valid JSON (${(err as Error).message})`);
  }
}

export function zodProblems(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`)
    .join("; ");
}

