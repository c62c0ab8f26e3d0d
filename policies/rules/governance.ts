// The Pemda's governance duties that leave a dated record: the yearly evaluation (bt-7-2019 Pasal 10
// (1)), its report to the Sekda (klaten-18-2018 Pasal 8 (3)), the master plan's five-year life and
// its review (klaten-18-2018 Pasal 7 (3)). Duties of the Pemda through the Dinas: booked to the Dinas,
// the kabupaten as subject. Dates are compared as calendar dates (YYYY-MM-DD), the evaluation date too.
import type { Inventory } from "../../inventory/schema";
import type { Rule, RuleContext, Subject } from "../types";
import { check, cite } from "./helpers";

const kabupaten = (inv: Inventory): Subject => ({ kind: "kabupaten", id: inv.meta.domain });
const day = (d: Date) => d.toISOString().slice(0, 10);

/** `date` plus whole years, as a calendar date (29 February rolls to 1 March). */
export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return day(d);
}

/**
 * The date of the previous evaluation before the evaluation date: the latest recorded one
 * (governance.evaluations) or the previous report given (`--previous`), whichever is later.
 */
export function previousEvaluation({ inventory, asOf, previousAsOf }: Pick<RuleContext, "inventory" | "asOf" | "previousAsOf">): string | undefined {
  const today = day(asOf);
  const dates = [...(inventory.governance?.evaluations ?? []).map((e) => e.date), ...(previousAsOf ? [previousAsOf] : [])].filter((d) => d < today);
  return dates.sort().at(-1);
}

/**
 * bt-7-2019 Pasal 10 (1): the master plan's implementation "dilakukan evaluasi setiap 1 (satu) Tahun
 * sekali". Due one year after the previous evaluation; with no previous one on record there is no
 * due date to miss, so nothing is judged (the first evaluation has no predecessor).
 */
export const yearlyEvaluation: Rule = {
  id: "yearly-evaluation",
  title: { id: "Evaluasi tahunan tepat waktu", en: "Yearly evaluation on time" },
  checks: {
    id: "Evaluasi pelaksanaan rencana induk dilakukan paling lambat 1 tahun setelah evaluasi sebelumnya.",
    en: "The master plan's implementation is evaluated no later than one year after the previous evaluation.",
  },
  severity: "mandatory",
  citations: [cite("bt-7-2019", 10, "1")],
  evidence: {
    overdue: {
      id: "evaluasi sebelumnya {previous}, jatuh tempo {due}: terlambat {days} hari pada {asOf}",
      en: "previous evaluation {previous}, due {due}: {days} days late on {asOf}",
    },
  },
  remediation: {
    id: "Lakukan evaluasi tahunan dan catat laporannya di governance.evaluations.",
    en: "Carry out the yearly evaluation and record its report under governance.evaluations.",
  },
  evaluate: (ctx) => {
    const previous = previousEvaluation(ctx);
    if (!previous) return [];
    const due = addYears(previous, 1);
    const today = day(ctx.asOf);
    if (today <= due) return [check(kabupaten(ctx.inventory), ctx.inventory.meta.dinas)];
    const days = Math.round((Date.parse(today) - Date.parse(due)) / 86_400_000);
    return [check(kabupaten(ctx.inventory), ctx.inventory.meta.dinas, { variant: "overdue", params: { previous, due, days, asOf: today } })];
  },
};

/**
 * klaten-18-2018 Pasal 8 (3): the Dinas inventories and evaluates the OPD action plans "serta
 * melaporkan kepada Sekretaris Daerah". No period, so the latest evaluation on record must have been
 * reported; no evaluation at all is a finding too (the duty is not done).
 */
export const evaluationReportedSekda: Rule = {
  id: "evaluation-reported-sekda",
  title: { id: "Evaluasi rencana aksi dilaporkan kepada Sekda", en: "Action-plan evaluation reported to the Sekda" },
  checks: {
    id: "Dinas telah mengevaluasi rencana aksi OPD dan melaporkan evaluasi terakhirnya kepada Sekretaris Daerah.",
    en: "The Dinas has evaluated the OPD action plans and reported its latest evaluation to the Sekretaris Daerah.",
  },
  severity: "mandatory",
  citations: [cite("klaten-18-2018", 8, "3")],
  evidence: {
    none: { id: "tidak ada evaluasi rencana aksi yang tercatat", en: "no action-plan evaluation on record" },
    unreported: { id: "evaluasi {ref} ({date}) tidak tercatat dilaporkan kepada Sekda", en: "evaluation {ref} ({date}) not recorded as reported to the Sekda" },
  },
  remediation: {
    id: "Laporkan hasil evaluasi kepada Sekretaris Daerah dan catat nomor suratnya (governance.evaluations[].reportedToSekda).",
    en: "Report the evaluation to the Sekretaris Daerah and record the letter (governance.evaluations[].reportedToSekda).",
  },
  evaluate: ({ inventory, asOf }) => {
    const done = (inventory.governance?.evaluations ?? []).filter((e) => e.date <= day(asOf)).sort((a, b) => (a.date < b.date ? -1 : 1));
    const latest = done.at(-1);
    if (!latest) return [check(kabupaten(inventory), inventory.meta.dinas, { variant: "none", params: {} })];
    return [check(kabupaten(inventory), inventory.meta.dinas, latest.reportedToSekda ? undefined : { variant: "unreported", params: { ref: latest.ref, date: latest.date } })];
  },
};

/** klaten-18-2018 Pasal 7 (3): the master plan, set by Peraturan Bupati, "berlaku 5 (lima) tahun". */
export const masterPlanValid: Rule = {
  id: "master-plan-valid",
  title: { id: "Rencana induk e-Government berlaku", en: "E-government master plan in force" },
  checks: {
    id: "Rencana induk ditetapkan dengan Peraturan Bupati dan belum lewat masa berlaku 5 tahunnya.",
    en: "The master plan is set by Peraturan Bupati and within its five years.",
  },
  severity: "mandatory",
  citations: [cite("klaten-18-2018", 7, "3")],
  evidence: {
    unrecorded: { id: "tidak ada rencana induk yang tercatat (governance.masterPlan)", en: "no master plan on record (governance.masterPlan)" },
    expired: { id: "rencana induk {ref} ({date}) berakhir {until}", en: "master plan {ref} ({date}) ended {until}" },
  },
  remediation: {
    id: "Susun dan tetapkan rencana induk baru dengan Peraturan Bupati, lalu catat di governance.masterPlan.",
    en: "Draft and set a new master plan by Peraturan Bupati, then record it under governance.masterPlan.",
  },
  evaluate: ({ inventory, asOf }) => {
    const plan = inventory.governance?.masterPlan;
    if (!plan) return [check(kabupaten(inventory), inventory.meta.dinas, { variant: "unrecorded", params: {} })];
    const until = addYears(plan.date, 5);
    return [check(kabupaten(inventory), inventory.meta.dinas, day(asOf) < until ? undefined : { variant: "expired", params: { ref: plan.ref, date: plan.date, until } })];
  },
};

/**
 * klaten-18-2018 Pasal 7 (3): the master plan "dapat ditinjau kembali paling lama 2 (dua) tahun
 * sekali". "Dapat" makes the review a power, not a duty: a review later than two years after the
 * plan (or its last review) is advice, and a plan with no record is left to master-plan-valid.
 */
export const masterPlanReview: Rule = {
  id: "master-plan-review",
  title: { id: "Peninjauan rencana induk", en: "Review of the master plan" },
  checks: {
    id: "Rencana induk ditinjau kembali paling lama 2 tahun sejak penetapan atau peninjauan terakhirnya (kewenangan, dilaporkan sebagai saran).",
    en: "The master plan is reviewed within two years of being set or last reviewed (a power: reported as advice).",
  },
  severity: "advisory",
  citations: [cite("klaten-18-2018", 7, "3")],
  evidence: {
    due: { id: "ditinjau terakhir {since}, peninjauan jatuh tempo {due}", en: "last set or reviewed {since}, review due {due}" },
  },
  remediation: {
    id: "Tinjau kembali rencana induk dan catat tanggalnya (governance.masterPlan.reviewed).",
    en: "Review the master plan and record the date (governance.masterPlan.reviewed).",
  },
  evaluate: ({ inventory, asOf }) => {
    const plan = inventory.governance?.masterPlan;
    if (!plan) return [];
    const since = plan.reviewed && plan.reviewed > plan.date ? plan.reviewed : plan.date;
    const due = addYears(since, 2);
    return [check(kabupaten(inventory), inventory.meta.dinas, day(asOf) <= due ? undefined : { variant: "due", params: { since, due } })];
  },
};
