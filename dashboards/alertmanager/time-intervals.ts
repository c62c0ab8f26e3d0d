// Maintenance windows and on-call hours as Alertmanager time intervals (supported since 0.24, with
// `location` since 0.25: Debian's version). A one-off window becomes one entry per calendar day it
// touches, because a time interval's `times` never cross midnight.
import type { Alerting, Maintenance, WeeklyHours } from "../../inventory/schema";
import type { AmTimeRange } from "./model";

export const maintenanceInterval = (m: Maintenance) => `maintenance-${m.id}`;
export const onCallInterval = (receiver: string) => `on-call-${receiver}`;

export function weeklyRanges(hours: readonly WeeklyHours[], location: string): AmTimeRange[] {
  return hours.map((h) => ({ weekdays: [...h.weekdays], times: [{ start_time: h.start, end_time: h.end }], location }));
}

/** `2026-12-12T20:00`..`2026-12-13T02:00` → 12 Dec 20:00-24:00 and 13 Dec 00:00-02:00. */
export function oneOffRanges(start: string, end: string, location: string): AmTimeRange[] {
  const out: AmTimeRange[] = [];
  const [startDay, startTime] = start.split("T") as [string, string];
  const [endDay, endTime] = end.split("T") as [string, string];
  for (let day = startDay; day <= endDay; day = nextDay(day)) {
    const from = day === startDay ? startTime : "00:00";
    const to = day === endDay ? endTime : "24:00";
    if (from >= to) continue;
    const [y, mo, d] = day.split("-").map(Number) as [number, number, number];
    out.push({ years: [String(y)], months: [String(mo)], days_of_month: [String(d)], times: [{ start_time: from, end_time: to }], location });
  }
  return out;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function timeIntervals(a: Alerting): { name: string; time_intervals: AmTimeRange[] }[] {
  return [
    ...a.maintenance.map((m) => ({
      name: maintenanceInterval(m),
      time_intervals: m.weekly ? weeklyRanges(m.weekly, a.timezone) : oneOffRanges(m.start!, m.end!, a.timezone),
    })),
    ...a.receivers.filter((r) => r.onCall).map((r) => ({ name: onCallInterval(r.id), time_intervals: weeklyRanges(r.onCall!, a.timezone) })),
  ];
}
