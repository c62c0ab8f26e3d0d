// A finding about the inventory file itself (not about the Perda: that is policies/). It carries a
// message code and parameters rather than text so the CLI can print it in Indonesian or English.
import type { MessageCode } from "../../i18n/en";

export type Severity = "error" | "warning";
export type Path = (string | number)[];

export interface Diagnostic {
  severity: Severity;
  code: MessageCode;
  /** Where in the document: ["devices", 3, "rack"]. */
  path: Path;
  params: Record<string, string | number>;
  file?: string;
  line?: number;
  column?: number;
}

export function formatPath(path: Path): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out || "(document)";
}

/** Collects diagnostics for one validation run. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];
  error(path: Path, code: MessageCode, params: Record<string, string | number> = {}): void {
    this.items.push({ severity: "error", code, path, params });
  }
  warning(path: Path, code: MessageCode, params: Record<string, string | number> = {}): void {
    this.items.push({ severity: "warning", code, path, params });
  }
}
