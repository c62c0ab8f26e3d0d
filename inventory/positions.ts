// Where a path of the inventory stands in its file, found lazily for the few diagnostics there are.
// The whole file is never composed into a yaml Document because of one finding (on the 10k-application
// inventory that costs ~20 s and ~1 GB): the text is cut at its top-level keys and, inside a block
// list, at its items, and only the part that holds the path is parsed with positions, its lines
// counted from where it starts. A part that does not parse on its own as what it should be (a flow
// collection across lines, an alias to an anchor elsewhere) falls back to the whole document.
import type { Document, LineCounter } from "yaml";
import type { Path } from "./diagnostics";
import { yamlPackage } from "./yaml-package";

/** A parsed piece of the file: its document, the path inside it, and the line its first line is. */
export interface Part {
  doc: Document;
  lineCounter: LineCounter;
  /** Lines before the part's first line in the file. */
  lineOffset: number;
  /** The diagnostic's path within the part's document. */
  path: Path;
}

export interface PositionFinder {
  /** The parsed part holding the path (for hints that read the nodes), or undefined. */
  partFor(path: Path): Part | undefined;
  position(path: Path, pointAt?: "key"): { line: number; col: number } | undefined;
}

/** A finder over a document already parsed whole (the positioned path for syntax errors and aliases). */
export function wholeDocumentFinder(doc: Document, lineCounter: LineCounter): PositionFinder {
  const partFor = (path: Path): Part => ({ doc, lineCounter, lineOffset: 0, path });
  return { partFor, position: (path, pointAt) => positionOf(doc, path, lineCounter, pointAt) };
}

interface Section {
  start: number;
  end: number;
  /** Line number (0-based) of the section's first line. */
  line: number;
  /** Start offsets and 0-based line numbers of the block list's items, found on first use. */
  items?: { start: number; line: number }[] | null;
}

/**
 * A finder that parses only the top-level section, or the one list item, a path points into (a file
 * the block-subset reader read whole has its own, block-positions.ts: nothing parsed at all).
 */
export function lazyFinder(text: string): PositionFinder {
  let sections: Map<string, Section> | undefined;
  let whole: PositionFinder | undefined;
  /** Parsed parts by section (and item): null when the part did not parse as what it should be. */
  const parsed = new Map<string, { doc: Document; lineCounter: LineCounter; lineOffset: number } | null>();

  const wholeFinder = () => {
    if (!whole) {
      const { LineCounter, parseDocument } = yamlPackage();
      const lineCounter = new LineCounter();
      whole = wholeDocumentFinder(parseDocument(text, { lineCounter, uniqueKeys: false, keepSourceTokens: false }), lineCounter);
    }
    return whole;
  };

  const parse = (key: string, start: number, end: number, lineOffset: number, check: (doc: Document) => boolean) => {
    if (!parsed.has(key)) {
      const { LineCounter, parseDocument } = yamlPackage();
      const lineCounter = new LineCounter();
      const doc = parseDocument(text.slice(start, end), { lineCounter, uniqueKeys: false, keepSourceTokens: false });
      parsed.set(key, doc.errors.length === 0 && check(doc) ? { doc, lineCounter, lineOffset } : null);
    }
    return parsed.get(key)!;
  };

  const partFor = (path: Path): Part | undefined => {
    const [top, index] = path;
    if (typeof top !== "string") return wholeFinder().partFor(path);
    sections ??= topLevelSections(text);
    const section = sections.get(top);
    if (!section) return wholeFinder().partFor(path);
    if (typeof index === "number") {
      if (section.items === undefined) section.items = blockListItems(text, section);
      const item = section.items?.[index];
      if (item) {
        const end = section.items![index + 1]?.start ?? section.end;
        const part = parse(`${top}\u0000${index}`, item.start, end, item.line, (doc) => yamlPackage().isSeq(doc.contents) && doc.contents.items.length === 1);
        // The item alone is a one-item list: its path inside is [0, ...the rest].
        if (part) return { ...part, path: [0, ...path.slice(2)] };
      }
    }
    const part = parse(top, section.start, section.end, section.line, (doc) => yamlPackage().isMap(doc.contents) && doc.contents.items.length === 1);
    return part ? { ...part, path } : wholeFinder().partFor(path);
  };

  return {
    partFor,
    position(path, pointAt) {
      if (path.length === 0) return { line: 1, col: 1 };
      const part = partFor(path);
      if (!part) return undefined;
      const pos = positionOf(part.doc, part.path, part.lineCounter, pointAt);
      return pos && { line: pos.line + part.lineOffset, col: pos.col };
    },
  };
}

const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?=[ \t]|\r?\n|$)/;

/**
 * The top-level keys of a block mapping at column 0, each with the text up to the next line that
 * starts at column 0 (a key, `---`, a comment stays inside). Written by hand because no YAML
 * library cuts a document without composing it; anything unusual falls back to the whole parse.
 */
function topLevelSections(text: string): Map<string, Section> {
  const out = new Map<string, Section>();
  let current: { key: string; section: Section } | undefined;
  let line = 0;
  for (let at = 0; at < text.length; line++) {
    const next = text.indexOf("\n", at);
    const end = next < 0 ? text.length : next + 1;
    const first = text.charCodeAt(at);
    const second = text.charCodeAt(at + 1);
    // A list item at column 0 (`devices:` then `- id: x`) belongs to the section above it.
    const item = first === 0x2d && (second === 0x20 || second === 0x0a || second === 0x0d || at + 1 >= text.length);
    // Column 0 and not blank, not a comment, not a list item: a new top-level entry (or a document marker).
    if (!item && first !== 0x20 && first !== 0x09 && first !== 0x0a && first !== 0x0d && first !== 0x23) {
      if (current) current.section.end = at;
      const m = TOP_LEVEL_KEY.exec(text.slice(at, Math.min(end, at + 200)));
      current = undefined;
      if (m) {
        const key = m[1]!.replace(/^["']|["']$/g, "");
        const section: Section = { start: at, end: text.length, line };
        // A key written twice is a finding of its own (duplicate keys); the first one stands here.
        if (!out.has(key)) out.set(key, section);
        current = { key, section };
      }
    }
    at = end;
  }
  return out;
}

/**
 * The items of a section whose value is a block list: lines at the list's indentation that start
 * with `- `. Null when the section's value is not a block list (a flow list, a mapping).
 */
function blockListItems(text: string, section: Section): { start: number; line: number }[] | null {
  const items: { start: number; line: number }[] = [];
  let indent = -1;
  let line = section.line;
  let at = text.indexOf("\n", section.start);
  if (at < 0) return null;
  // The header line must end after the colon (a comment at most): `applications:`.
  if (!/:[ \t]*(#.*)?\r?$/.test(text.slice(section.start, at))) return null;
  at += 1;
  line += 1;
  while (at < section.end) {
    const next = text.indexOf("\n", at);
    const end = next < 0 || next + 1 > section.end ? section.end : next + 1;
    let col = 0;
    while (text.charCodeAt(at + col) === 0x20) col++;
    const c = text.charCodeAt(at + col);
    const blank = at + col >= end - 1 || c === 0x0a || c === 0x0d || c === 0x23;
    if (!blank) {
      const dash = c === 0x2d && (at + col + 1 >= end || text.charCodeAt(at + col + 1) === 0x20 || text.charCodeAt(at + col + 1) === 0x0a || text.charCodeAt(at + col + 1) === 0x0d);
      if (indent < 0) {
        if (!dash) return null;
        indent = col;
      }
      if (dash && col === indent) items.push({ start: at, line });
      else if (col <= indent && !dash) return null;
    }
    at = end;
    line++;
  }
  return items;
}

/** The position of the deepest node of the document that the path reaches. */
export function positionOf(doc: Document, path: Path, lc: LineCounter, pointAt?: "key"): { line: number; col: number } | undefined {
  const { isMap, isNode, isSeq } = yamlPackage();
  let node: unknown = doc.contents;
  let best: unknown = node;
  for (const [depth, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isNode(p.key) ? (p.key as { value?: unknown }).value : p.key) === key);
      if (!pair) break;
      // Point at the value when there is one, else at the key (a missing value's error); an unknown
      // field is pointed at by its key, the line where the typo stands.
      node = pair.value ?? pair.key;
      best = isNode(pair.value) && !(pointAt === "key" && depth === path.length - 1) ? pair.value : pair.key;
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
      if (node === undefined) break;
      best = node;
    } else {
      break;
    }
  }
  if (isNode(best) && best.range) return lc.linePos(best.range[0]);
  return undefined;
}
