// A small parser for Prometheus text exposition, for comparing outputs in tests.
export interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
  raw: string;
}

export function parsePromText(text: string): ParsedSample[] {
  const out: ParsedSample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)(\s+\d+)?$/.exec(line);
    if (!m) throw new Error(`unparseable exposition line: ${line}`);
    const labels: Record<string, string> = {};
    if (m[2]) {
      const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
      let lm: RegExpExecArray | null;
      while ((lm = re.exec(m[2]))) labels[lm[1]!] = lm[2]!.replace(/\\n/g, "\n").replace(/\\"/g, '"').replace(/\\\\/g, "\\");
    }
    out.push({ name: m[1]!, labels, value: Number(m[3]), raw: m[3]! });
  }
  return out;
}

/** A stable key over the given label names (empty values count as absent, like Prometheus). */
export function seriesKey(name: string, labels: Record<string, string>, only?: string[]): string {
  const keys = (only ?? Object.keys(labels)).filter((k) => labels[k] !== undefined && labels[k] !== "").sort();
  return `${name}{${keys.map((k) => `${k}=${JSON.stringify(labels[k])}`).join(",")}}`;
}
