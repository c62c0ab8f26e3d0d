// The message catalogue: every message id of the CLI, inventory validation and the report chrome,
// each with its Indonesian and English text.
//
// Why per-subject files rather than one file (or one file per language, as before): each entry
// keeps both languages side by side, so a translator sees the pair and a missing language or a
// drifting placeholder shows where it is written (and tests/i18n/catalogue.test.ts checks it);
// each subject's file stays small and next to nothing else. They are merged here into one
// catalogue with one typed key union, so a wrong message id fails type-checking wherever it is used.
import { alertsMessages } from "./messages/alerts";
import { boardMessages } from "./messages/board";
import { cliMessages } from "./messages/cli";
import { collectorsMessages } from "./messages/collectors";
import { dashboardsMessages } from "./messages/dashboards";
import { initMessages } from "./messages/init";
import { importMessages } from "./messages/import";
import { historyMessages } from "./messages/history";
import { inventoryMessages } from "./messages/inventory";
import { lawMessages } from "./messages/law";
import { planMessages } from "./messages/plan";
import { observeMessages } from "./messages/observe";
import { probesMessages } from "./messages/probes";
import { provinceMessages } from "./messages/province";
import { quotasMessages } from "./messages/quotas";
import { reportMessages } from "./messages/report";
import { routingMessages } from "./messages/routing";
import { schemaMessages } from "./messages/schema";
import { termMessages } from "./messages/terms";

/** The subject files, by name: the test checks that no id is defined in two of them. */
export const SUBJECT_CATALOGUES = {
  inventory: inventoryMessages,
  schema: schemaMessages,
  terms: termMessages,
  plan: planMessages,
  cli: cliMessages,
  report: reportMessages,
  dashboards: dashboardsMessages,
  collectors: collectorsMessages,
  quotas: quotasMessages,
  observe: observeMessages,
  probes: probesMessages,
  init: initMessages,
  history: historyMessages,
  law: lawMessages,
  alerts: alertsMessages,
  import: importMessages,
  board: boardMessages,
  routing: routingMessages,
  province: provinceMessages,
} as const;

export const MESSAGES = {
  ...inventoryMessages,
  ...schemaMessages,
  ...termMessages,
  ...planMessages,
  ...cliMessages,
  ...reportMessages,
  ...lawMessages,
  ...dashboardsMessages,
  ...collectorsMessages,
  ...initMessages,
  ...quotasMessages,
  ...observeMessages,
  ...probesMessages,
  ...historyMessages,
  ...alertsMessages,
  ...importMessages,
  ...boardMessages,
  ...routingMessages,
  ...provinceMessages,
};

export type MessageCode = keyof typeof MESSAGES;
