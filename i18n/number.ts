// Numbers as each language writes them: Indonesian groups thousands with a point and writes a
// decimal comma (1.234,5), English the other way round (1,234.5). The one home of that rule for the
// plan, the reports and the messages; identifiers that happen to be numbers (ports, years, VLAN ids,
// line numbers) are not quantities and are never passed through here.
import type { Lang } from "./lang";

const LOCALE: Record<Lang, string> = { id: "id-ID", en: "en-GB" };

export interface NumberStyle {
  /** Digits after the decimal separator, exactly (e.g. 1 for scores: 94,7). */
  fractionDigits?: number;
  /** At most this many digits after the separator (default 2), trailing zeros dropped. */
  maxFractionDigits?: number;
}

const formats = new Map<string, Intl.NumberFormat>();

/** `n` in `lang`: grouped thousands and the language's decimal separator. */
export function formatNumber(lang: Lang, n: number, style: NumberStyle = {}): string {
  const key = `${lang}:${style.fractionDigits ?? ""}:${style.maxFractionDigits ?? ""}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], style.fractionDigits !== undefined
      ? { minimumFractionDigits: style.fractionDigits, maximumFractionDigits: style.fractionDigits }
      : { maximumFractionDigits: style.maxFractionDigits ?? 2 });
    formats.set(key, format);
  }
  return format.format(n);
}

/** A ratio 0..1 as a percentage with `digits` decimals: 0.4567 → "45,7" (id) / "45.7" (en), no % sign. */
export function formatPercent(lang: Lang, ratio: number, digits = 1): string {
  return formatNumber(lang, Math.round(ratio * 100 * 10 ** digits) / 10 ** digits, { maxFractionDigits: digits });
}
