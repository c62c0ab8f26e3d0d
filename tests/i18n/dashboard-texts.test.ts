// Every text the dashboards and alert rules show is a Text with both languages, non-empty, with the
// same placeholders and Prometheus template expressions in both. The texts are written inline where
// each panel or alert is built, so they are collected as they pass through dashboards/text.ts, the
// one place that decides how a Text is shown there (its real functions still produce the output).
import { describe, expect, it, vi } from "vitest";
import type { Text } from "../../i18n";
import type * as DashboardText from "../../dashboards/text";
import { buildAlertRules, buildGrafanaFiles } from "../../dashboards/build";
import { loadInventoryOrThrow } from "../../inventory/load";
import { expectComplete, type NamedText } from "./texts";

const seen = vi.hoisted(() => [] as [string, Text][]);

vi.mock("../../dashboards/text", async (importOriginal) => {
  const real = await importOriginal<typeof DashboardText>();
  return {
    ...real,
    shownTitle: (text: Text) => (seen.push(["title", text]), real.shownTitle(text)),
    shownInEnglish: (text: Text) => (seen.push(["title or description", text]), real.shownInEnglish(text)),
    alertAnnotations: (text: DashboardText.AlertText) => {
      seen.push(["alert summary", text.summary], ["alert description", text.description], ["alert runbook", text.runbook]);
      return real.alertAnnotations(text);
    },
  };
});

describe.each(["barito-timur", "klaten"])("texts of the dashboards and alert rules of %s", (example) => {
  it("are complete in both languages", () => {
    seen.length = 0;
    const inventory = loadInventoryOrThrow(`examples/${example}/inventory.yaml`);
    buildGrafanaFiles(inventory);
    buildAlertRules(inventory);
    const named: NamedText[] = seen.map(([what, text]) => [`${what} "${text.en}"`, text]);
    // Six dashboards of panels and a dozen and more alerts: far more than a handful of texts.
    expect(named.filter(([name]) => name.startsWith("alert")).length).toBeGreaterThanOrEqual(3 * 15);
    expect(named.length).toBeGreaterThan(100);
    expectComplete(named);
  });
});
