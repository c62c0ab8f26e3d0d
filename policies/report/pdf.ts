// PDF through headless Chromium (Debian's /usr/bin/chromium driven by playwright-core): the PDF is
// the printed HTML report, so both show the same thing. Browser path and flags: chromium.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium";

export { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium";

/** Runs `fn` with a Chromium context on a fresh, empty profile that is removed afterwards. */
export async function withChromium<T>(fn: (context: BrowserContext) => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), "spbe-chromium-"));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: timeoutMs,
    });
    return await fn(context);
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Prints a self-contained HTML document to an A4 PDF. */
export async function htmlToPdf(html: string, context: BrowserContext): Promise<Buffer> {
  const page = await context.newPage();
  try {
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ format: "A4", printBackground: true, margin: { top: "12mm", bottom: "12mm", left: "10mm", right: "10mm" } });
  } finally {
    await page.close();
  }
}

export function renderPdf(html: string): Promise<Buffer> {
  return withChromium((context) => htmlToPdf(html, context));
}
