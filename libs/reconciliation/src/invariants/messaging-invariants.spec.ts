import type { MessagingRecord } from '../records';
import { messagingMismatches } from './messaging-invariants';

const rules = { outboxGraceSeconds: 30 };

function clean(): MessagingRecord {
  return { service: 'inventory', outbox: { count: 0, oldestAgeSeconds: 0 }, retrying: [], inboxDuplicates: 0, deadLetters: { count: 0, items: [] } };
}

describe('messagingMismatches', () => {
  it('finds nothing in a clean service, and lets rows within the grace period be in flight', () => {
    expect(messagingMismatches(clean(), rules)).toEqual([]);
    expect(messagingMismatches({ ...clean(), outbox: { count: 3, oldestAgeSeconds: 29.5 } }, rules)).toEqual([]);
    expect(messagingMismatches({ ...clean(), inboxDuplicates: undefined }, rules)).toEqual([]);
  });

  it('reports outbox rows left unpublished past the grace period, and inbox duplicates', () => {
    const stuck = { ...clean(), outbox: { count: 4, oldestAgeSeconds: 95.2 }, inboxDuplicates: 2 };
    expect(messagingMismatches(stuck, rules)).toEqual([
      { check: 'outbox-published', ids: { service: 'inventory' }, detail: '4 outbox row(s) not published, the oldest for 95 s (grace 30 s)' },
      { check: 'inbox-once', ids: { service: 'inventory' }, detail: '2 consumed event(s) recorded more than once in the inbox' },
    ]);
  });

  it('reports partitions stuck on a record and every dead letter with its reason and ids', () => {
    const failing: MessagingRecord = {
      ...clean(),
      retrying: [
        { topic: 'tradeflow.orders.v1', partition: 2, offset: '17', attempts: 3, firstFailureAt: '2026-01-01T00:00:00.000Z', lastError: 'deadlock detected\n at …' },
      ],
      deadLetters: {
        count: 3,
        items: [
          {
            id: '0:12',
            reason: 'handler-error',
            eventType: 'OrderApproved',
            eventId: 'e1',
            key: 'order-1',
            originalTopic: 'tradeflow.orders.v1',
            errorClass: 'EventMismatchError',
            errorMessage: 'reserved quantity for unknown line 3\nstack',
          },
          {
            id: '0:13',
            reason: 'not-wire-format',
            eventType: null,
            eventId: null,
            key: null,
            originalTopic: 'tradeflow.orders.v1',
            errorClass: 'UndecodableEventError',
            errorMessage: 'not Avro',
          },
        ],
      },
    };
    expect(messagingMismatches(failing, rules)).toEqual([
      {
        check: 'consumer-retrying',
        ids: { service: 'inventory' },
        detail: 'tradeflow.orders.v1[2] offset 17 failing since 2026-01-01T00:00:00.000Z (3 attempt(s)): deadlock detected',
      },
      {
        check: 'dead-letter',
        ids: { service: 'inventory', deadLetter: '0:12' },
        detail: 'handler-error: OrderApproved e1 from tradeflow.orders.v1 key order-1: EventMismatchError: reserved quantity for unknown line 3',
      },
      {
        check: 'dead-letter',
        ids: { service: 'inventory', deadLetter: '0:13' },
        detail: 'not-wire-format: undecodable record from tradeflow.orders.v1 key -: UndecodableEventError: not Avro',
      },
      { check: 'dead-letter', ids: { service: 'inventory' }, detail: '1 more dead letter(s) not listed here: npm run dlq -- list --service inventory' },
    ]);
  });

  it('leaves out letters already replayed or dismissed', () => {
    const letter = { reason: 'not-wire-format', eventType: null, eventId: null, key: 'k', originalTopic: 't', errorClass: 'UndecodableEventError', errorMessage: 'not Avro' };
    const handled: MessagingRecord = {
      ...clean(),
      deadLetters: { count: 2, items: [{ ...letter, id: '0:1', dismissedAt: '2026-01-01T00:00:00.000Z' }, { ...letter, id: '0:2', replayedAt: '2026-01-01T00:00:00.000Z' }] },
    };
    expect(messagingMismatches(handled, rules)).toEqual([]);
  });
});
