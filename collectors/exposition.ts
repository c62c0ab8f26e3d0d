// Prometheus text exposition (format 0.0.4), rendered by hand: prom-client's registry renders every
// series on every scrape and blocks the event loop (~650 ms per 100k series). Here each target's
// series are rendered once per poll, grouped by metric family, and a scrape only concatenates the
// cached chunks. Pure functions.
import type { Labels, Sample } from "./sample";

export function escapeLabelValue(v: string): string {
  return /[\\"\n]/.test(v) ? v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n") : v;
}

export function escapeHelp(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

export function renderLabels(labels: Labels): string {
  if (labels.length === 0) return "";
  let s = "{";
  for (let i = 0; i < labels.length; i++) {
    const [k, v] = labels[i]!;
    s += `${i > 0 ? "," : ""}${k}="${escapeLabelValue(v)}"`;
  }
  return `${s}}`;
}

export interface FamilyHeader {
  type: "counter" | "gauge";
  help: string;
}

export function renderHeader(name: string, h: FamilyHeader): string {
  return `# HELP ${name} ${escapeHelp(h.help)}\n# TYPE ${name} ${h.type}\n`;
}

/** Samples → one text chunk per family (sample lines only; headers are written once per scrape). */
export function renderByFamily(samples: Sample[]): { chunks: Map<string, string>; headers: Map<string, FamilyHeader> } {
  const lines = new Map<string, string[]>();
  const headers = new Map<string, FamilyHeader>();
  // Rows share one Labels array across columns; cached with the space that follows the labels.
  const labelCache = new Map<Labels, string>();
  // Samples of one family mostly come in a run (one table column after another): remember the last.
  let lastName: string | undefined;
  let arr: string[] = [];
  for (const s of samples) {
    let l = labelCache.get(s.labels);
    if (l === undefined) labelCache.set(s.labels, (l = `${renderLabels(s.labels)} `));
    if (s.name !== lastName) {
      lastName = s.name;
      let found = lines.get(s.name);
      if (!found) {
        lines.set(s.name, (found = []));
        headers.set(s.name, { type: s.type, help: s.help });
      }
      arr = found;
    }
    // A line's pieces, not the line: join() copies them straight into the chunk, where a template
    // string would first make a rope of 4 objects per line for the garbage collector, while up to
    // hundreds of polls are in flight (docs/benchmarks.md, fourth pass).
    arr.push(s.name, l, s.value, "\n");
  }
  // join() yields flat strings: built once per poll here, instead of V8 flattening a rope of
  // every line at each scrape (measured: 1.2 s per 650k series, in one event-loop stall).
  const chunks = new Map<string, string>();
  for (const [name, arr] of lines) chunks.set(name, arr.join(""));
  return { chunks, headers };
}
