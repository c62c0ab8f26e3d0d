// Which Chromium renders PDFs and how it is started. Kept apart from pdf.ts so the CLI can name the
// browser without loading playwright-core. The machines have no network: without these flags
// Chromium stalls on first-run and background fetches. SPBE_CHROMIUM overrides the path.
export const CHROMIUM_PATH = process.env.SPBE_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
