import type { Mismatch } from '../mismatch';
import type { MessagingRecord } from '../records';

export interface MessagingRules {
  /** Unpublished outbox rows younger than this are in flight, not lost. */
  outboxGraceSeconds: number;
}

const firstLine = (text: string) => text.split('\n')[0];

/**
 * docs/design.md#invariants: every event in an outbox is on its topic (no row left unpublished past the grace
 * period), every consumed event is in exactly one inbox row; and nothing waits: no partition stuck
 * retrying a record, no dead letter neither replayed nor dismissed (a clean system has none).
 */
export function messagingMismatches(messaging: MessagingRecord, rules: MessagingRules): Mismatch[] {
  const { service, outbox, retrying, inboxDuplicates, deadLetters } = messaging;
  const mismatches: Mismatch[] = [];
  if (outbox.count > 0 && outbox.oldestAgeSeconds > rules.outboxGraceSeconds) {
    const detail = `${outbox.count} outbox row(s) not published, the oldest for ${Math.round(outbox.oldestAgeSeconds)} s (grace ${rules.outboxGraceSeconds} s)`;
    mismatches.push({ check: 'outbox-published', ids: { service }, detail });
  }
  if (inboxDuplicates !== undefined && inboxDuplicates > 0) {
    mismatches.push({ check: 'inbox-once', ids: { service }, detail: `${inboxDuplicates} consumed event(s) recorded more than once in the inbox` });
  }
  for (const partition of retrying) {
    const detail = `${partition.topic}[${partition.partition}] offset ${partition.offset} failing since ${partition.firstFailureAt} (${partition.attempts} attempt(s)): ${firstLine(partition.lastError)}`;
    mismatches.push({ check: 'consumer-retrying', ids: { service }, detail });
  }
  for (const letter of deadLetters.items.filter((item) => !item.replayedAt && !item.dismissedAt)) {
    const what = `${letter.eventType ?? 'undecodable record'}${letter.eventId ? ` ${letter.eventId}` : ''} from ${letter.originalTopic} key ${letter.key ?? '-'}`;
    const detail = `${letter.reason}: ${what}: ${letter.errorClass}: ${firstLine(letter.errorMessage)}`;
    mismatches.push({ check: 'dead-letter', ids: { service, deadLetter: letter.id }, detail });
  }
  const unlisted = deadLetters.count - deadLetters.items.length;
  if (unlisted > 0) {
    mismatches.push({ check: 'dead-letter', ids: { service }, detail: `${unlisted} more dead letter(s) not listed here: npm run dlq -- list --service ${service}` });
  }
  return mismatches;
}
