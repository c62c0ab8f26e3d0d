// Reads the Prometheus text exposition format (the blackbox exporter's /probe answer). Written by
// hand because no parser is installed: prom-client only writes the format, and the few lines the
// exporter returns need nothing beyond `name{label="value",…} number`.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

// label="value" pairs; values may contain \" \\ and \n escapes (the format's only escapes).
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
const unescape = (s: string): string => s.replace(/\\(["\\n])/g, (_, c: string) => (c === "n" ? "\n" : c));

/** The samples of an exposition text; comment lines and lines it cannot read are left out. */
export function parseExposition(text: string): Sample[] {
  const out: Sample[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)(?:\s+\d+)?$/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? "").matchAll(LABEL)) labels[l[1]!] = unescape(l[2]!);
    const value = m[3] === "+Inf" ? Infinity : m[3] === "-Inf" ? -Infinity : Number(m[3]);
    out.push({ name: m[1]!, labels, value });
  }
  return out;
}

/** The first sample of a metric (the exporter's probe metrics have one each). */
export const sampleOf = (samples: readonly Sample[], name: string): Sample | undefined => samples.find((s) => s.name === name);
