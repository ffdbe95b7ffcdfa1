import type { DeadLetter } from './dead-letter';

/** Which dead letters to list or replay; every given criterion must hold. */
export interface DeadLetterFilter {
  /** Dead-letter ids, `<partition>:<offset>`. */
  ids?: string[];
  reason?: string;
  errorClass?: string;
  eventType?: string;
  /** Listing hides replayed dead letters unless this is set; replay skips them unless it is set. */
  includeReplayed?: boolean;
  /** Listing hides dismissed dead letters unless this is set; replay never sends them. */
  includeDismissed?: boolean;
}

export interface ReplaySelection extends DeadLetterFilter {
  /** Replay every dead letter not replayed yet. Required when no other criterion is given. */
  all?: boolean;
}

export function matchesFilter(deadLetter: DeadLetter, filter: DeadLetterFilter): boolean {
  if (filter.ids && filter.ids.length > 0 && !filter.ids.includes(deadLetter.id)) return false;
  if (filter.reason && deadLetter.reason !== filter.reason) return false;
  if (filter.errorClass && deadLetter.errorClass !== filter.errorClass) return false;
  if (filter.eventType && deadLetter.eventType !== filter.eventType) return false;
  if (filter.includeDismissed !== true && deadLetter.dismissedAt !== null) return false;
  return filter.includeReplayed === true || deadLetter.replayedAt === null;
}

/** A replay that names nothing would replay everything; that has to be asked for with `all`. */
export function describeMissingSelection(selection: ReplaySelection): string | undefined {
  const narrowed = (selection.ids?.length ?? 0) > 0 || selection.reason || selection.errorClass || selection.eventType;
  if (narrowed || selection.all) return undefined;
  return 'name the dead letters to replay (ids, reason, errorClass or eventType), or ask for all';
}
