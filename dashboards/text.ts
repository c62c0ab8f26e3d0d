// How the dashboards and the alert rules show a Text (i18n's one bilingual type, rendered by i18n's
// render). One place decides, so every title, description and annotation follows the same rule:
// - panel, row and variable titles read "English / Indonesian": an operator of either language
//   finds the panel;
// - dashboard titles, descriptions and drill-down link titles are shown in English, as they were
//   before every dashboard text carried both languages. Their Indonesian is written and tested;
//   showing it is one line here, a visible change to the dashboards left to a decision of its own;
// - an alert's annotations keep Prometheus' keys: summary, description and runbook in English, the
//   same with _id in Indonesian.
import { render, renderSideBySide, type Text } from "../i18n";
import type { AlertAnnotations } from "./rules/model";

export type { Text };

/** A panel's (or a dashboard's) title and what it shows. */
export interface PanelText {
  title: Text;
  description: Text;
}

export function shownTitle(text: Text): string {
  return renderSideBySide(text);
}

export function shownInEnglish(text: Text): string {
  return render(text, "en");
}

/** What an alert says, and what to do first. */
export interface AlertText {
  summary: Text;
  description: Text;
  runbook: Text;
}

export function alertAnnotations(text: AlertText): AlertAnnotations {
  return {
    summary: render(text.summary, "en"),
    summary_id: render(text.summary, "id"),
    description: render(text.description, "en"),
    description_id: render(text.description, "id"),
    runbook: render(text.runbook, "en"),
    runbook_id: render(text.runbook, "id"),
  };
}
