// The article / paragraph / letter structure of a Perda, read from its text (the OCR of the signed
// copy), so a test can check every rule's citation against the law without the project reading the
// seed texts at test time: scripts/perda-structure.ts writes the result to policies/perda/<profile>.structure.json.
// Written by hand: no library reads Indonesian legislative layout (Pasal / ayat (n) / huruf x.).

/** One article: its numbered paragraphs (ayat) with their letters (huruf), or its letters when it has no ayat. */
export interface ArticleStructure {
  /** ayat number → its huruf letters ("a", "b"...), empty when it has none. Absent when the article has no ayat. */
  ayat?: Record<string, string[]>;
  /** huruf of an article without ayat. */
  huruf?: string[];
}

export interface PerdaStructure {
  profile: string;
  /** Which text it was read from (file name only), and how. */
  source: string;
  layout: "dashed" | "columns";
  /** pasal number → structure */
  pasal: Record<string, ArticleStructure>;
}

const PASAL = /^\s*Pasal\s+(\d+)\s*$/;
/** The elucidation starts here: everything after it explains, it does not enact. */
const ELUCIDATION = /^\s*PENJELASAN\s*$/;
const HEADING = /^\s*(BAB\s+\S+|Bagian\s+\S+.*|Paragraf\s+\d+.*)\s*$/;

/**
 * `dashed`: each ayat is a line "- (n) …" and each huruf a line "- x. …" (the Barito Timur text).
 * `columns`: the OCR put the "(n)" ayat numbers in a separate column (lines of their own, out of
 * place), so paragraphs are found by their shape: a new ayat is a line starting with a capital letter
 * after a sentence ended (".") or after a list of huruf; an inline "(n) Text" line is taken as is.
 */
export function parsePerdaStructure(text: string, profile: string, source: string, layout: "dashed" | "columns"): PerdaStructure {
  const lines = text.split(/\r?\n/);
  const end = lines.findIndex((l) => ELUCIDATION.test(l));
  const body = end >= 0 ? lines.slice(0, end) : lines;
  const pasal: Record<string, ArticleStructure> = {};
  let current: string[] | undefined;
  let number: string | undefined;
  const flush = () => {
    if (number !== undefined && current) pasal[number] = layout === "dashed" ? dashed(current) : columns(current);
  };
  for (const line of body) {
    const m = PASAL.exec(line);
    if (m) {
      flush();
      number = m[1]!;
      current = [];
      continue;
    }
    if (current && HEADING.test(line)) {
      flush();
      current = undefined;
      number = undefined;
      continue;
    }
    current?.push(line);
  }
  flush();
  return { profile, source, layout, pasal };
}

function finish(ayat: Map<string, string[]>, loose: string[]): ArticleStructure {
  if (ayat.size > 0) return { ayat: Object.fromEntries(ayat) };
  return loose.length > 0 ? { huruf: loose } : {};
}

function dashed(lines: string[]): ArticleStructure {
  const ayat = new Map<string, string[]>();
  const loose: string[] = [];
  let open: string[] | undefined;
  for (const line of lines) {
    const a = /^\s*-\s*\((\d+)\)/.exec(line);
    if (a) {
      ayat.set(a[1]!, (open = []));
      continue;
    }
    const h = /^\s*-?\s*([a-z])\.\s/.exec(line);
    if (h) (open ?? loose).push(h[1]!);
  }
  return finish(ayat, loose);
}

const NEXT_LETTER = (prev: string | undefined) => (prev ? String.fromCharCode(prev.charCodeAt(0) + 1) : "a");

function columns(lines: string[]): ArticleStructure {
  // Drop the lost ayat-number column, page furniture and blank lines.
  const text = lines.map((l) => l.trim()).filter((l) => l !== "" && !/^\(\d+\)$/.test(l) && !/^PARAF|^KABAG|^-\s*\d+\s*-$/.test(l));
  const paragraphs: string[][] = [];
  let open: string[] | undefined;
  let inList = false;
  let prev = "";
  let prevStartedItem = false;
  for (const line of text) {
    const inline = /^\((\d+)\)\s+\S/.exec(line);
    // A huruf line: "a. text", "a." alone, or ". text" where the OCR lost the letter; or, inside a
    // list, a lowercase line after an item that ended ("…; dan"): the OCR lost "b." altogether.
    const lostLetter = inList && /^[a-z]/.test(line) && /;(\s*(dan|atau))?$/.test(prev);
    const h = /^([a-z])\.(\s|$)/.exec(line) ?? (/^\.\s/.test(line) || lostLetter ? ["", ""] : null);
    const numbered = /^\d+\.\s/.test(line); // Pasal 1's definitions (angka), neither ayat nor huruf
    let startedItem = false;
    if (h) {
      if (!open) paragraphs.push((open = []));
      open.push(h[1] || NEXT_LETTER(open.at(-1)));
      inList = true;
      startedItem = true;
    } else if (numbered) {
      if (!open) paragraphs.push((open = []));
    } else if (inline || !open || (/^[A-Z]/.test(line) && (/[.]$/.test(prev) || (inList && prevStartedItem && !/[,]$/.test(prev))))) {
      // A new ayat: explicit "(n) Text", or a capital after a finished sentence or after a one-line last item.
      paragraphs.push((open = []));
      inList = false;
    }
    prev = line;
    prevStartedItem = startedItem;
  }
  if (paragraphs.length <= 1) return finish(new Map(), paragraphs[0] ?? []);
  return finish(new Map(paragraphs.map((p, i) => [String(i + 1), p])), []);
}
