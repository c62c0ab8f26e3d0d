// Where a path stands in a file the block-subset reader read whole (block-yaml.ts), found by walking
// its lines by indentation: no parse and no `yaml` package. In that subset every line is a key line
// or a list entry, every scalar is on its key's or entry's line, every key is plain text, so a
// node's place follows from the indents alone. The offsets are those yaml's Document gives
// (positions.ts positionOf: a value where there is one, the key when asked or when the path goes on
// past a scalar); tests/inventory/block-positions.test.ts compares the two on every path of a
// generated inventory and on paths that are not there. Each mapping's keys and each list's entries
// are found once and kept: a thousand findings in one long list cost one pass over it.
import { isEntryAt, keyTextEnd, plainKeyEnd } from "./block-yaml";
import type { Path } from "./diagnostics";

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;

type NodeKind = "map" | "seq" | "scalar";

/** A node: where it starts (what yaml gives as its position), its column, its kind. */
interface BlockNode {
  offset: number;
  column: number;
  kind: NodeKind;
}

/** A line with content: where it starts, where its content starts and ends (trailing spaces aside). */
interface ContentLine {
  lineStart: number;
  start: number;
  end: number;
}

export class BlockLocator {
  /** Each mapping's keys (by the mapping's offset): where the key starts. */
  private readonly keysOf = new Map<number, Map<string, number>>();
  /** Each list's entries (by the list's offset): where each entry's "-" is. */
  private readonly entriesOf = new Map<number, number[]>();

  constructor(private readonly text: string) {}

  /**
   * The offset yaml's positionOf gives for `path` in the document, given where the top-level key
   * `path[0]` starts (its line's first character).
   */
  position(sectionStart: number, path: Path, pointAt?: "key"): number {
    // The top-level key is the section's (the top-level mapping itself is not walked: it spans the file).
    let node = this.valueOf(sectionStart, 0);
    let best = pointAt === "key" && path.length === 1 ? sectionStart : node.offset;
    for (let depth = 1; depth < path.length; depth++) {
      const key = path[depth];
      if (node.kind === "map" && typeof key === "string") {
        const keyStart = this.keys(node).get(key);
        if (keyStart === undefined) break;
        node = this.valueOf(keyStart, node.column);
        best = pointAt === "key" && depth === path.length - 1 ? keyStart : node.offset;
      } else if (node.kind === "seq" && typeof key === "number") {
        const dash = this.entries(node)[key];
        if (dash === undefined) break;
        node = this.itemOf(dash, node.column);
        best = node.offset;
      } else break;
    }
    return best;
  }

  /** The keys of the mapping whose first key is at node.offset: key lines at its column. */
  private keys(node: BlockNode): Map<string, number> {
    let keys = this.keysOf.get(node.offset);
    if (keys) return keys;
    keys = new Map();
    for (const line of this.linesOf(node)) {
      // Deeper lines belong to a value; a list entry at the mapping's column is a key's list written without indent.
      if (line.start - line.lineStart !== node.column || this.isEntry(line)) continue;
      const colon = plainKeyEnd(this.text, line.start, line.end);
      const key = colon < 0 ? undefined : this.text.slice(line.start, keyTextEnd(this.text, line.start, colon));
      if (key !== undefined && !keys.has(key)) keys.set(key, line.start);
    }
    this.keysOf.set(node.offset, keys);
    return keys;
  }

  /** The entries of the list whose first "-" is at node.offset: entry lines at its column. */
  private entries(node: BlockNode): number[] {
    let entries = this.entriesOf.get(node.offset);
    if (entries) return entries;
    entries = [];
    for (const line of this.linesOf(node)) {
      if (line.start - line.lineStart !== node.column) continue;
      if (!this.isEntry(line)) break;
      entries.push(line.start);
    }
    this.entriesOf.set(node.offset, entries);
    return entries;
  }

  /** The lines of a node: from its first until one less indented than it. */
  private *linesOf(node: BlockNode): Generator<ContentLine> {
    for (let line: ContentLine | undefined = this.lineAt(node.offset, node.column); line; line = this.nextLine(line)) {
      if (line.start - line.lineStart < node.column) return;
      yield line;
    }
  }

  /** The line holding `start`, read as if it began `column` characters before it (an entry's mapping starts after its "-"). */
  private lineAt(start: number, column: number): ContentLine {
    return { lineStart: start - column, start, end: this.contentEnd(start) };
  }

  /** The value of the key starting at keyStart, in a mapping at `column`. */
  private valueOf(keyStart: number, column: number): BlockNode {
    const keyLine = this.lineAt(keyStart, column);
    const p = this.skipSpaces(plainKeyEnd(this.text, keyStart, keyLine.end) + 1);
    const onKeyLine: BlockNode = { offset: p, column: p - keyLine.lineStart, kind: "scalar" };
    // A value on the key's line (a comment there is where yaml puts an empty value).
    if (p < keyLine.end && this.text.charCodeAt(p) !== HASH) return onKeyLine;
    const next = this.nextLine(keyLine);
    if (next) {
      const nextColumn = next.start - next.lineStart;
      if (nextColumn > column) return this.nodeAt(next);
      if (nextColumn === column && this.isEntry(next)) return { offset: next.start, column, kind: "seq" };
    }
    // No value: yaml's empty scalar stands after the colon and the spaces that follow it.
    return onKeyLine;
  }

  /** The node of the list entry whose "-" is at `dash`, in a list at `column`. */
  private itemOf(dash: number, column: number): BlockNode {
    const entryLine = this.lineAt(dash, column);
    const p = this.skipSpaces(dash + 1);
    if (p < entryLine.end && this.text.charCodeAt(p) !== HASH) {
      return { offset: p, column: p - entryLine.lineStart, kind: plainKeyEnd(this.text, p, entryLine.end) >= 0 ? "map" : "scalar" };
    }
    // "-" alone: the reader accepts it only with the entry's node on the lines below.
    return this.nodeAt(this.nextLine(entryLine)!);
  }

  private nodeAt(line: ContentLine): BlockNode {
    return { offset: line.start, column: line.start - line.lineStart, kind: this.isEntry(line) ? "seq" : "map" };
  }

  private isEntry(line: ContentLine): boolean {
    return isEntryAt(this.text, line.start, line.end);
  }

  /** The line with content after `line` (blank and comment-only lines skipped), or undefined at the end. */
  private nextLine(line: ContentLine): ContentLine | undefined {
    const text = this.text;
    let lineStart = text.indexOf("\n", line.start);
    while (lineStart >= 0) {
      lineStart++;
      let start = lineStart;
      while (text.charCodeAt(start) === SPACE) start++;
      const c = text.charCodeAt(start);
      if (start < text.length && c !== NEWLINE && c !== HASH) return { lineStart, start, end: this.contentEnd(start) };
      lineStart = text.indexOf("\n", start);
    }
    return undefined;
  }

  /** Where the content of the line holding `offset` ends, trailing spaces aside. */
  private contentEnd(offset: number): number {
    let end = this.text.indexOf("\n", offset);
    if (end < 0) end = this.text.length;
    while (end > offset && this.text.charCodeAt(end - 1) === SPACE) end--;
    return end;
  }

  private skipSpaces(p: number): number {
    while (this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }
}
