// A finding about the inventory file itself (not about the Perda: that is policies/). It carries a
// message code and parameters rather than text so the CLI can print it in Indonesian or English.
import { t, type Lang, type MessageCode, type Params } from "../i18n";

export type Severity = "error" | "warning";
export type Path = (string | number)[];

export interface Diagnostic {
  severity: Severity;
  code: MessageCode;
  /** Where in the document: ["devices", 3, "rack"]. */
  path: Path;
  /** Values of the message's placeholders; a schema message is a Text (zod's wording in both languages). */
  params: Params;
  file?: string;
  line?: number;
  column?: number;
  /** The position is the key of the path's last field (an unknown field), not its value. */
  pointAt?: "key";
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
  error(path: Path, code: MessageCode, params: Params = {}): void {
    this.items.push({ severity: "error", code, path, params });
  }
  warning(path: Path, code: MessageCode, params: Params = {}): void {
    this.items.push({ severity: "warning", code, path, params });
  }
}

/** One diagnostic as a line: `file:line:column severity: path: message` (CLI and Pulumi program alike). */
export function renderDiagnostic(d: Diagnostic, lang: Lang): string {
  const where = `${d.file ?? ""}${d.line !== undefined ? `:${d.line}:${d.column}` : ""}`;
  const severity = t(lang, d.severity === "error" ? "cli.error" : "cli.warning");
  return `${where} ${severity}: ${formatPath(d.path)}: ${t(lang, d.code, d.params)}`;
}

export function diagnosticJson(d: Diagnostic, lang: Lang) {
  return {
    severity: d.severity,
    code: d.code,
    file: d.file,
    line: d.line,
    column: d.column,
    path: formatPath(d.path),
    message: t(lang, d.code, d.params),
  };
}
