// A reader for the block subset of YAML that generated and large inventories are written in: block
// mappings and sequences, one-line plain, single- and double-quoted scalars, `[]` and `{}`, comments.
// Written by hand because no YAML library reads this fast: js-yaml, the fastest we measured, spends
// ~0.5 s of a cold `spbe validate` on the 12 MB scale-1 inventory (docs/benchmarks.md, issue 15);
// this reader takes a fraction of that by working a line at a time. It is not a second YAML
// implementation: anything outside the subset (flow collections with content, block scalars, anchors,
// aliases, tags, multi-line scalars, escapes, duplicate keys, tabs, CR, a possible syntax error) makes
// it answer OUTSIDE_SUBSET, and the caller reads the file with js-yaml as before. Scalars are resolved
// by the caller's js-yaml schema's own implicit types, so a value is what js-yaml makes of it; the
// tests compare both readers on the examples, generated inventories and random texts
// (tests/inventory/block-yaml.test.ts).

/** What `readBlockYaml` answers when the text uses anything it does not read itself. */
export const OUTSIDE_SUBSET: unique symbol = Symbol("outside the block subset of YAML");

/** One of js-yaml's implicit scalar types (resolve, then construct), in the schema's order. */
export interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

class Outside extends Error {}
const outside = new Outside();

const SPACE = 0x20;
const DASH = 0x2d;
const COLON = 0x3a;
const HASH = 0x23;
const SINGLE = 0x27;
const DOUBLE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Characters that start something other than a plain scalar (YAML 1.2 c-indicator), or that js-yaml
 * reads differently at the start of one: those values and keys are left to js-yaml. "-" is decided
 * apart ("-1" and "-x" are plain), "'" and '"' are read here, "[" and "{" only as `[]` and `{}`.
 */
const INDICATOR = new Uint8Array(128);
for (const c of "?:,[]{}#&*!|>'\"%@`") INDICATOR[c.charCodeAt(0)] = 1;

/**
 * Tabs and CR (outside the subset), what js-yaml refuses as input (its PATTERN_NON_PRINTABLE, less
 * the surrogates), the characters YAML 1.1 or other readers take for line breaks (NEL, LS, PS), a
 * byte-order mark and any surrogate (js-yaml checks their pairing; a text with one is left to it,
 * which keeps this test one character class: with the pairing look-around it took seconds on 12 MB).
 */
const UNUSUAL_CHARACTERS = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

/**
 * Deeper nesting is js-yaml's to refuse (its maxDepth is 100) and would run this reader's recursion
 * out of stack; an inventory nests fewer than ten levels.
 */
const MAX_DEPTH = 64;

/** js-yaml and the YAML spec limit an implicit key to 1024 characters. */
const MAX_KEY_LENGTH = 1024;

/**
 * The value of a YAML text in the block subset, as js-yaml's `load` with a schema whose implicit
 * types are `implicit` would give it, or OUTSIDE_SUBSET.
 */
export function readBlockYaml(text: string, implicit: readonly ImplicitType[]): unknown {
  const read = readBlockYamlLines(text, implicit);
  return read === OUTSIDE_SUBSET ? read : read.value;
}

/**
 * readBlockYaml's value, and the lines it read: what finds a path's position afterwards
 * (block-positions.ts) without another pass over the text.
 */
export function readBlockYamlLines(text: string, implicit: readonly ImplicitType[]): { value: unknown; lines: ContentLines } | typeof OUTSIDE_SUBSET {
  if (UNUSUAL_CHARACTERS.test(text)) return OUTSIDE_SUBSET;
  const lines = contentLines(text);
  if (lines === undefined || lines.count === 0) return OUTSIDE_SUBSET;
  try {
    return { value: new BlockReader(text, lines, implicit).document(), lines };
  } catch (err) {
    if (err === outside) return OUTSIDE_SUBSET;
    throw err;
  }
}

/**
 * The lines with content (not blank, not only a comment, not the opening "---"), in order: where the
 * content starts and ends (trailing spaces aside) and its indent, which the reader moves past an
 * entry's "- " as it reads a mapping there; where the line starts and its number (1-based), as in
 * the file.
 */
export interface ContentLines {
  count: number;
  start: Int32Array;
  end: Int32Array;
  indent: Int32Array;
  lineStart: Int32Array;
  line: Int32Array;
}

function contentLines(text: string): ContentLines | undefined {
  // Room for lines of ~16 characters on average (the generated inventories' are ~22): rarely grown.
  let capacity = Math.max(1024, text.length >> 4);
  let start: Int32Array = new Int32Array(capacity);
  let end: Int32Array = new Int32Array(capacity);
  let indent: Int32Array = new Int32Array(capacity);
  let starts: Int32Array = new Int32Array(capacity);
  let line: Int32Array = new Int32Array(capacity);
  let count = 0;
  let lineStart = 0;
  let lineNumber = 0;
  const length = text.length;
  while (lineStart < length) {
    lineNumber++;
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = length;
    let s = lineStart;
    while (s < lineEnd && text.charCodeAt(s) === SPACE) s++;
    let e = lineEnd;
    while (e > s && text.charCodeAt(e - 1) === SPACE) e--;
    if (s < e && text.charCodeAt(s) !== HASH) {
      if (s === lineStart && isDocumentMarker(text, s, e)) {
        // "---" alone before any content opens the one document; any other marker or directive is js-yaml's.
        if (count > 0 || !isBareMarker(text, s, e)) return undefined;
      } else {
        if (count === capacity) {
          capacity *= 2;
          start = grow(start, capacity);
          end = grow(end, capacity);
          indent = grow(indent, capacity);
          starts = grow(starts, capacity);
          line = grow(line, capacity);
        }
        start[count] = s;
        end[count] = e;
        indent[count] = s - lineStart;
        starts[count] = lineStart;
        line[count] = lineNumber;
        count++;
      }
    }
    lineStart = lineEnd + 1;
  }
  return { count, start, end, indent, lineStart: starts, line };
}

function grow(array: Int32Array, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}

/** "---", "..." or a "%" directive at the start of a line. */
function isDocumentMarker(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(s);
  if (c === 0x25) return true;
  if ((c !== DASH && c !== 0x2e) || e - s < 3) return false;
  if (text.charCodeAt(s + 1) !== c || text.charCodeAt(s + 2) !== c) return false;
  return e - s === 3 || text.charCodeAt(s + 3) === SPACE;
}

function isBareMarker(text: string, s: number, e: number): boolean {
  if (text.charCodeAt(s) !== DASH) return false;
  if (e - s === 3) return true;
  let p = s + 3;
  while (p < e && text.charCodeAt(p) === SPACE) p++;
  return text.charCodeAt(p) === HASH;
}

/** A list entry, for content from s to e: "-" alone or followed by a space. */
export function isEntryAt(text: string, s: number, e: number): boolean {
  return text.charCodeAt(s) === DASH && (s + 1 === e || text.charCodeAt(s + 1) === SPACE);
}

/**
 * Where the ":" that ends a plain key is, for content from s to e (followed by a space or the line's
 * end, before any comment), or -1: the content is not a key and value.
 */
export function plainKeyEnd(text: string, s: number, e: number): number {
  const first = text.charCodeAt(s);
  if (first < 128 && INDICATOR[first] === 1) return -1;
  // Searches stay inside the line: indexOf would run on through the rest of the file on every line.
  for (let p = s + 1; p < e; p++) {
    const c = text.charCodeAt(p);
    if (c === HASH && text.charCodeAt(p - 1) === SPACE) return -1;
    if (c === COLON && (p + 1 === e || text.charCodeAt(p + 1) === SPACE)) return p;
  }
  return -1;
}

/** Where the text of a key ends: before the spaces, if any, between it and its ":" at `colon`. */
export function keyTextEnd(text: string, s: number, colon: number): number {
  let e = colon;
  while (e > s && text.charCodeAt(e - 1) === SPACE) e--;
  return e;
}

type ObjectMaker = (values: readonly unknown[], from: number) => Record<string, unknown>;

/**
 * `(values, from) => ({ "k0": values[from], "k1": values[from + 1], ... })` for keys read from the
 * file. JSON.stringify quotes each key as a string literal; "__proto__" (which a literal would take
 * for the prototype) and keys that are array indices (which an object orders first) never get here:
 * key() refuses them.
 */
function objectMaker(keys: readonly string[]): ObjectMaker {
  const properties = keys.map((key, i) => `${JSON.stringify(key)}: values[from + ${i}]`).join(", ");
  return new Function("values", "from", `return { ${properties} };`) as ObjectMaker;
}

/** A list of keys read in this order: the last of them, all of them, the keys met after them. */
interface Shape {
  readonly key: string;
  readonly keys: readonly string[];
  readonly next: Shape[];
  /** How many mappings had exactly these keys. */
  ends: number;
  make?: ObjectMaker;
}

const newShape = (key: string, keys: readonly string[]): Shape => ({ key, keys, next: [], ends: 0 });

/**
 * Bounds on the shapes kept: a file of mappings with ever new keys reads them one by one. Each shape
 * keeps its list of keys (and its generated maker once met twice), so the total is bounded too: a
 * file of ever new key lists cannot grow them without end.
 */
const MAX_NEXT_KEYS = 8;
const MAX_SHAPE_KEYS = 64;
const MAX_SHAPES = 4096;

class BlockReader {
  private line = 0;
  /** How many mappings and sequences the current line is in. */
  private depth = 0;
  /** The lists of keys read at each indent, as a tree from the first key. */
  private readonly shapeAtIndent: Shape[] = [];
  private shapes = 0;
  /** The values of the mappings being read, from the outermost; `top` is where the next one goes. */
  private readonly values: unknown[] = [];
  private top = 0;
  private readonly count: number;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly indent: Int32Array;

  constructor(
    private readonly text: string,
    lines: ContentLines,
    private readonly implicit: readonly ImplicitType[],
  ) {
    this.count = lines.count;
    this.start = lines.start;
    this.end = lines.end;
    this.indent = lines.indent;
  }

  document(): unknown {
    const value = this.node(this.indent[0]!);
    if (this.line < this.count) throw outside;
    return value;
  }

  /** The block node whose first line (the current one) is at `indent`. */
  private node(indent: number): unknown {
    return this.isEntry(this.line) ? this.sequence(indent) : this.mapping(indent);
  }

  private isEntry(line: number): boolean {
    return isEntryAt(this.text, this.start[line]!, this.end[line]!);
  }

  private sequence(indent: number): unknown[] {
    if (++this.depth > MAX_DEPTH) throw outside;
    const items: unknown[] = [];
    const { text, start, end } = this;
    while (this.line < this.count) {
      const line = this.line;
      const lineIndent = this.indent[line]!;
      if (lineIndent < indent) break;
      if (lineIndent > indent) throw outside;
      if (!this.isEntry(line)) break;
      const e = end[line]!;
      let p = start[line]! + 1;
      while (p < e && text.charCodeAt(p) === SPACE) p++;
      if (p === e || text.charCodeAt(p) === HASH) {
        // An entry with its node on the lines below. An empty entry is js-yaml's: in a nested
        // sequence it reads "-\n -\n- x" as [[null, "x"]], not the spec's [[null], "x"].
        this.line++;
        if (this.line === this.count || this.indent[this.line]! <= indent) throw outside;
        items.push(this.node(this.indent[this.line]!));
        continue;
      }
      // A mapping on the entry's own line ("- key: value"): read it as if its line began there. A
      // sequence there ("- - x") is js-yaml's: it reads "- -\n- -" otherwise than the spec.
      const column = indent + (p - start[line]!);
      start[line] = p;
      this.indent[line] = column;
      if (this.isEntry(line)) throw outside;
      if (plainKeyEnd(this.text, p, e) >= 0) items.push(this.mapping(column));
      else {
        items.push(this.scalar(p, e));
        this.line++;
      }
    }
    this.depth--;
    return items;
  }

  private mapping(indent: number): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) throw outside;
    const { text, start, end, values } = this;
    // The mappings of a list mostly have one of a few lists of keys, in the same order: the keys
    // read at an indent form a tree (Shape), and a key whose text is that of one of the next keys
    // known there is that string (no slice, no lookup of a new string) and cannot be a duplicate (it
    // was checked against the keys before it when first met). A mapping whose keys end at a known
    // shape is made by one object literal for that shape: a keyed store per property on objects of
    // many shapes was the reader's biggest cost. The values wait on one stack shared by all mappings
    // (no arrays per mapping for the garbage collector).
    let shape = (this.shapeAtIndent[indent] ??= newShape("", []));
    let extra: string[] | undefined;
    let seen: Set<string> | undefined;
    let count = 0;
    const from = this.top;
    while (this.line < this.count) {
      const line = this.line;
      const lineIndent = this.indent[line]!;
      if (lineIndent < indent) break;
      if (lineIndent > indent || this.isEntry(line)) throw outside;
      const s = start[line]!;
      const e = end[line]!;
      const colon = plainKeyEnd(this.text, s, e);
      if (colon < 0) throw outside;
      if (extra === undefined) {
        let next: Shape | undefined;
        const known = shape.next;
        for (let k = 0; k < known.length; k++) {
          if (this.isKey(known[k]!.key, s, colon)) {
            next = known[k];
            break;
          }
        }
        if (next === undefined) {
          const key = this.key(s, colon);
          if (shape.keys.includes(key)) throw outside;
          if (shape.next.length < MAX_NEXT_KEYS && shape.keys.length < MAX_SHAPE_KEYS && this.shapes < MAX_SHAPES) {
            shape.next.push((next = newShape(key, [...shape.keys, key])));
            this.shapes++;
          }
          else {
            // Too many shapes or keys to keep: the rest of this mapping's keys are read one by one.
            extra = [key];
            seen = new Set(shape.keys).add(key);
          }
        }
        if (next !== undefined) shape = next;
      } else {
        const key = this.key(s, colon);
        if (seen!.has(key)) throw outside;
        seen!.add(key);
        extra.push(key);
      }
      let p = colon + 1;
      while (p < e && text.charCodeAt(p) === SPACE) p++;
      this.line++;
      let value: unknown;
      if (p === e || text.charCodeAt(p) === HASH) {
        const next = this.line;
        if (next < this.count && this.indent[next]! > indent) value = this.node(this.indent[next]!);
        else if (next < this.count && this.indent[next] === indent && this.isEntry(next)) value = this.sequence(indent);
        else value = null;
      } else {
        value = this.scalar(p, e);
      }
      values[from + count++] = value;
      this.top = from + count;
    }
    this.top = from;
    this.depth--;
    // A shape met twice gets its maker (generated code); once, a keyed store per key.
    if (extra === undefined && ++shape.ends >= 2) return (shape.make ??= objectMaker(shape.keys))(values, from);
    const keys = extra === undefined ? shape.keys : [...shape.keys, ...extra];
    const map: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) map[keys[i]!] = values[from + i];
    return map;
  }

  /** Whether the key that ends at `colon` (spaces before it aside) is `key`. */
  private isKey(key: string, s: number, colon: number): boolean {
    return keyTextEnd(this.text, s, colon) - s === key.length && this.text.startsWith(key, s);
  }

  /** A plain key that js-yaml takes as the same text: not a possible number, bool or null, not a merge or `__proto__`. */
  private key(s: number, colon: number): string {
    const e = keyTextEnd(this.text, s, colon);
    if (e - s > MAX_KEY_LENGTH) throw outside;
    const key = this.text.slice(s, e);
    if (key.charCodeAt(0) === DASH || key === "<<" || key === "__proto__" || this.resolve(key) !== key) throw outside;
    return key;
  }

  private scalar(p: number, e: number): unknown {
    const text = this.text;
    const first = text.charCodeAt(p);
    if (first === SINGLE) return this.singleQuoted(p, e);
    if (first === DOUBLE) return this.doubleQuoted(p, e);
    if (first === 0x5b || first === 0x7b) {
      // Only the empty flow collections; anything in them is js-yaml's to read.
      const close = first === 0x5b ? 0x5d : 0x7d;
      if (text.charCodeAt(p + 1) !== close) throw outside;
      this.afterQuoted(p + 2, e);
      return first === 0x5b ? [] : {};
    }
    if (first < 128 && INDICATOR[first] === 1) throw outside;
    if (first === DASH && (p + 1 === e || text.charCodeAt(p + 1) === SPACE)) throw outside;
    // The value ends at a comment (" #"); ": " or a final ":" would make it a key, a YAML error js-yaml reports.
    let valueEnd = e;
    for (let q = p + 1; q < e; q++) {
      const c = text.charCodeAt(q);
      if (c === HASH && text.charCodeAt(q - 1) === SPACE) {
        valueEnd = q - 1;
        while (text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
        break;
      }
      if (c === COLON && (q + 1 === e || text.charCodeAt(q + 1) === SPACE)) throw outside;
    }
    return this.resolve(text.slice(p, valueEnd));
  }

  /** What js-yaml makes of a plain scalar: the first implicit type that resolves it. */
  private resolve(data: string): unknown {
    const implicit = this.implicit;
    for (let i = 0; i < implicit.length; i++) if (implicit[i]!.resolve(data)) return implicit[i]!.construct(data);
    return data;
  }

  private singleQuoted(p: number, e: number): string {
    const text = this.text;
    let value = "";
    let from = p + 1;
    for (;;) {
      let quote = from;
      while (quote < e && text.charCodeAt(quote) !== SINGLE) quote++;
      if (quote === e) throw outside;
      value += text.slice(from, quote);
      if (text.charCodeAt(quote + 1) === SINGLE && quote + 1 < e) {
        value += "'";
        from = quote + 2;
        continue;
      }
      this.afterQuoted(quote + 1, e);
      return value;
    }
  }

  private doubleQuoted(p: number, e: number): string {
    const text = this.text;
    let quote = p + 1;
    for (; quote < e; quote++) {
      const c = text.charCodeAt(quote);
      if (c === DOUBLE) break;
      if (c === BACKSLASH) throw outside;
    }
    if (quote === e) throw outside;
    this.afterQuoted(quote + 1, e);
    return text.slice(p + 1, quote);
  }

  /** After a quoted scalar or `[]`: the line's end, or spaces and a comment. */
  private afterQuoted(p: number, e: number): void {
    if (p === e) return;
    const text = this.text;
    if (text.charCodeAt(p) !== SPACE) throw outside;
    while (p < e && text.charCodeAt(p) === SPACE) p++;
    if (p < e && text.charCodeAt(p) !== HASH) throw outside;
  }
}
