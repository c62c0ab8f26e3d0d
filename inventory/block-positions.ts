// Where a path stands in a file the block-subset reader read whole (block-yaml.ts), found by walking
// the lines the reader kept (where each starts, where its content ends, its number) by indentation:
// no parse, no `yaml` package, no other pass over the text. In that subset every line is a key line or a list
// entry, every scalar is on its key's or entry's line, every key is plain text, so a node's place
// follows from the indents alone. The offsets are those yaml's Document gives (positions.ts
// positionOf: a value where there is one, the key when asked or when the path goes on past a
// scalar); tests/inventory/block-positions.test.ts compares the two on every path of a generated
// inventory and on paths that are not there. Each mapping's keys and each list's entries are found
// once and kept: a thousand findings in one long list cost one pass over it.
import { type ContentLines, isEntryAt, keyTextEnd, plainKeyEnd } from "./block-yaml";
import type { Path } from "./diagnostics";
import type { PositionFinder } from "./positions";

const SPACE = 0x20;
const HASH = 0x23;

type NodeKind = "map" | "seq" | "scalar";

/**
 * A node: the content line it starts on (an index into the reader's lines), where it starts (what
 * yaml gives as its position), its column, its kind. A mapping inside a list entry starts after the
 * "-": its line is read as if it began at the node's column.
 */
interface BlockNode {
  line: number;
  offset: number;
  column: number;
  kind: NodeKind;
}

/** A key or list entry found under a node: its content line and where it starts. */
interface Found {
  line: number;
  offset: number;
}

/**
 * The finder for a file the block-subset reader read whole: paths walked along its lines. There is
 * no parsed part for the flow-mapping hint to read (the subset has no flow mapping with content).
 */
export function blockFinder(text: string, lines: ContentLines): PositionFinder {
  let locator: BlockLocator | undefined;
  return {
    partFor: () => undefined,
    position(path, pointAt) {
      if (path.length === 0) return { line: 1, col: 1 };
      locator ??= new BlockLocator(text, lines);
      const offset = locator.position(path, pointAt);
      return offset === undefined ? undefined : locator.lineAndColumn(offset);
    },
  };
}

class BlockLocator {
  /** The top-level keys: their lines. */
  private topKeys?: Map<string, Found>;
  /** Each mapping's keys (by the mapping's offset). */
  private readonly keysOf = new Map<number, Map<string, Found>>();
  /** Each list's entries (by the list's offset): where each entry's "-" is. */
  private readonly entriesOf = new Map<number, Found[]>();

  constructor(
    private readonly text: string,
    private readonly lines: ContentLines,
  ) {}

  /** 1-based line and column of an offset on one of the lines (every offset position() gives is). */
  lineAndColumn(offset: number): { line: number; col: number } {
    const { lineStart } = this.lines;
    let low = 0;
    let high = this.lines.count - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStart[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: this.lines.line[low]!, col: offset - lineStart[low]! + 1 };
  }

  /**
   * Where a line's content starts, as in the file (the reader's own `start` moves past an entry's
   * "- "): the first character that is not a space.
   */
  private contentStart(line: number): number {
    return this.skipSpaces(this.lines.lineStart[line]!);
  }

  private indentOf(line: number): number {
    return this.contentStart(line) - this.lines.lineStart[line]!;
  }

  /** The offset yaml's positionOf gives for `path` in the document, or undefined when its top-level key is not there. */
  position(path: Path, pointAt?: "key"): number | undefined {
    const top = typeof path[0] === "string" ? this.topLevelKeys().get(path[0]) : undefined;
    if (top === undefined) return undefined;
    // The top-level key is the section's (the top-level mapping itself is not walked: it spans the file).
    let node = this.valueOf(top, 0);
    let best = pointAt === "key" && path.length === 1 ? top.offset : node.offset;
    for (let depth = 1; depth < path.length; depth++) {
      const key = path[depth];
      if (node.kind === "map" && typeof key === "string") {
        const found = this.keys(node).get(key);
        if (found === undefined) break;
        node = this.valueOf(found, node.column);
        best = pointAt === "key" && depth === path.length - 1 ? found.offset : node.offset;
      } else if (node.kind === "seq" && typeof key === "number") {
        const dash = this.entries(node)[key];
        if (dash === undefined) break;
        node = this.itemOf(dash, node.column);
        best = node.offset;
      } else break;
    }
    return best;
  }

  /** The keys at column 0, the first of each (a key written twice is the reader's to refuse). */
  private topLevelKeys(): Map<string, Found> {
    if (this.topKeys) return this.topKeys;
    const { count, indent, lineStart } = this.lines;
    this.topKeys = new Map();
    // The reader moves an entry's indent past its "- " and leaves every other line's as it is: the
    // lines still at indent 0 are the top-level keys (and a "-" alone), found by the array's own search.
    for (let line = indent.indexOf(0); line >= 0 && line < count; line = indent.indexOf(0, line + 1)) {
      const offset = lineStart[line]!;
      const key = this.keyOn(line, offset);
      if (key !== undefined && !this.topKeys.has(key)) this.topKeys.set(key, { line, offset });
    }
    return this.topKeys;
  }

  /** The text of the key that starts at `offset` on `line`, or undefined when the content there is not a key. */
  private keyOn(line: number, offset: number): string | undefined {
    const colon = plainKeyEnd(this.text, offset, this.lines.end[line]!);
    return colon < 0 ? undefined : this.text.slice(offset, keyTextEnd(this.text, offset, colon));
  }

  /** The keys of the mapping `node`: key lines at its column. */
  private keys(node: BlockNode): Map<string, Found> {
    let keys = this.keysOf.get(node.offset);
    if (keys) return keys;
    const found = new Map<string, Found>();
    this.linesAtColumn(node, (line, offset) => {
      // A list entry at the mapping's column is a key's list written without indent.
      if (this.isEntry(line, offset)) return true;
      const key = this.keyOn(line, offset);
      if (key !== undefined && !found.has(key)) found.set(key, { line, offset });
      return true;
    });
    this.keysOf.set(node.offset, found);
    return found;
  }

  /** The entries of the list whose first "-" is at node.offset: entry lines at its column. */
  private entries(node: BlockNode): Found[] {
    let entries = this.entriesOf.get(node.offset);
    if (entries) return entries;
    const found: Found[] = [];
    this.linesAtColumn(node, (line, offset) => {
      if (!this.isEntry(line, offset)) return false;
      found.push({ line, offset });
      return true;
    });
    this.entriesOf.set(node.offset, found);
    return found;
  }

  /**
   * Visits the lines of a node (from its first to the one before a line less indented than it) that
   * stand at its column, with where their content starts, while `visit` answers true. Deeper lines
   * belong to a value. One loop without calls for the lines between: a long list's are many.
   */
  private linesAtColumn(node: BlockNode, visit: (line: number, offset: number) => boolean): void {
    if (!visit(node.line, node.offset)) return;
    const { count, lineStart } = this.lines;
    const text = this.text;
    for (let line = node.line + 1; line < count; line++) {
      // The line's indent as in the file (the reader's own moves past an entry's "- ").
      const start = lineStart[line]!;
      let offset = start;
      while (text.charCodeAt(offset) === SPACE) offset++;
      const column = offset - start;
      if (column < node.column) return;
      if (column === node.column && !visit(line, offset)) return;
    }
  }

  /** The value of the key `key`, in a mapping at `column`. */
  private valueOf(key: Found, column: number): BlockNode {
    const end = this.lines.end[key.line]!;
    // The key's line read as if it began `column` characters before the key.
    const lineStart = key.offset - column;
    const p = this.skipSpaces(plainKeyEnd(this.text, key.offset, end) + 1);
    const onKeyLine: BlockNode = { line: key.line, offset: p, column: p - lineStart, kind: "scalar" };
    // A value on the key's line (a comment there is where yaml puts an empty value).
    if (p < end && this.text.charCodeAt(p) !== HASH) return onKeyLine;
    const next = key.line + 1;
    if (next < this.lines.count) {
      const nextIndent = this.indentOf(next);
      if (nextIndent > column) return this.nodeAt(next);
      if (nextIndent === column && this.isEntry(next, this.contentStart(next))) return { line: next, offset: this.contentStart(next), column, kind: "seq" };
    }
    // No value: yaml's empty scalar stands after the colon and the spaces that follow it.
    return onKeyLine;
  }

  /** The node of the list entry whose "-" is at `dash.offset`, in a list at `column`. */
  private itemOf(dash: Found, column: number): BlockNode {
    const lineEnd = this.lines.end[dash.line]!;
    const p = this.skipSpaces(dash.offset + 1);
    if (p < lineEnd && this.text.charCodeAt(p) !== HASH) {
      const kind = plainKeyEnd(this.text, p, lineEnd) >= 0 ? "map" : "scalar";
      return { line: dash.line, offset: p, column: p - (dash.offset - column), kind };
    }
    // "-" alone: the reader accepts it only with the entry's node on the lines below.
    return this.nodeAt(dash.line + 1);
  }

  private nodeAt(line: number): BlockNode {
    const offset = this.contentStart(line);
    return { line, offset, column: this.indentOf(line), kind: this.isEntry(line, offset) ? "seq" : "map" };
  }

  private isEntry(line: number, offset: number): boolean {
    return isEntryAt(this.text, offset, this.lines.end[line]!);
  }

  private skipSpaces(p: number): number {
    while (this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }
}
