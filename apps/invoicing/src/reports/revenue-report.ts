import { exactAmount } from '@tradeflow/money';
import { stringify } from 'csv-stringify/sync';

export const REVENUE_GROUPINGS = ['day', 'customer', 'channel'] as const;
export type RevenueGrouping = (typeof REVENUE_GROUPINGS)[number];

/** A year, leap day included: enough for an annual report, small enough to stay one query. */
export const MAX_REPORT_DAYS = 366;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The report's instants: from 00:00 UTC of `from` up to (not including) 00:00 UTC of the day after `to`. */
export interface ReportPeriod {
  start: Date;
  end: Date;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** `from`..`to`, both calendar days (UTC) and both included; a problem names the field. */
export function reportPeriod(from: string, to: string): ReportPeriod | FieldProblem {
  const start = calendarDay(from);
  if (!start) return { field: 'from', message: `from must be a calendar date YYYY-MM-DD, got ${from}` };
  const last = calendarDay(to);
  if (!last) return { field: 'to', message: `to must be a calendar date YYYY-MM-DD, got ${to}` };
  if (last < start) return { field: 'to', message: `to (${to}) must not be before from (${from})` };
  const days = (last.getTime() - start.getTime()) / DAY_MS + 1;
  if (days > MAX_REPORT_DAYS) return { field: 'to', message: `to must be less than ${MAX_REPORT_DAYS} days after from: the period spans ${days} days, at most ${MAX_REPORT_DAYS}` };
  return { start, end: new Date(last.getTime() + DAY_MS) };
}

export function isFieldProblem(value: ReportPeriod | FieldProblem): value is FieldProblem {
  return 'field' in value;
}

/** null for text that is not a date, or a date that does not exist (2026-02-30). */
function calendarDay(text: string): Date | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** The sums of one group and currency as Postgres returns them (bigint sums as text). */
export interface RevenueSums {
  group: string | null;
  currency: string;
  net: string;
  tax: string;
  credited: string;
  paid: string;
  outstanding: string;
}

export interface RevenueRow {
  /** The day (YYYY-MM-DD, UTC), customer id or channel; null: a channel invoicing never learned (orders placed before it kept channels). */
  group: string | null;
  currency: string;
  netMinor: number;
  taxMinor: number;
  creditedMinor: number;
  paidMinor: number;
  outstandingMinor: number;
}

/** Exact amounts, or an error naming the sum that a JSON number cannot hold exactly: never rounded. */
export function revenueRow(sums: RevenueSums): RevenueRow {
  const amount = (value: string, name: string) => exactAmount(BigInt(value), `${name} of ${sums.group ?? 'no channel'} ${sums.currency}`);
  return {
    group: sums.group,
    currency: sums.currency,
    netMinor: amount(sums.net, 'net'),
    taxMinor: amount(sums.tax, 'tax'),
    creditedMinor: amount(sums.credited, 'credited'),
    paidMinor: amount(sums.paid, 'paid'),
    outstandingMinor: amount(sums.outstanding, 'outstanding'),
  };
}

const AMOUNT_COLUMNS = ['netMinor', 'taxMinor', 'creditedMinor', 'paidMinor', 'outstandingMinor'] as const;

/** RFC 4180 CSV (CRLF line ends), a header row named after the grouping, then one line per row. */
export function revenueCsv(groupBy: RevenueGrouping, rows: readonly RevenueRow[]): string {
  const header = [groupBy, 'currency', ...AMOUNT_COLUMNS];
  const lines = rows.map((row) => [spreadsheetSafe(row.group ?? ''), row.currency, ...AMOUNT_COLUMNS.map((column) => String(row[column]))]);
  return stringify([header, ...lines], { record_delimiter: 'windows' });
}

/**
 * A channel name is free text from the channel: one starting like a formula gets a leading `'` so a
 * spreadsheet shows it rather than runs it.
 */
function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
