import { UndecodableEventError } from '@tradeflow/events';
import type { RawRecord } from '../consumer/consumed-event';
import { readDeadLetterEntry } from './dead-letter';
import { deadLetterHeaders, DLQ_HEADER, STACK_LIMIT, withoutDeadLetterHeaders } from './dead-letter-headers';

const record: RawRecord = {
  source: { topic: 'tradeflow.orders.v1', partition: 2, offset: '41' },
  key: Buffer.from('order-7'),
  value: Buffer.from('payload'),
  headers: { 'event-type': 'OrderApproved', 'event-id': 'e-1', [DLQ_HEADER.replayOf]: 'inventory.dlq:0:3' },
  timestamp: '1700000000000',
};

describe('dead-letter headers', () => {
  const firstFailureAt = new Date('2030-01-01T10:00:00Z');
  const now = new Date('2030-01-01T10:00:05Z');

  it('say why, where from, when and who, and keep the record own headers', () => {
    const error = new UndecodableEventError('unknown-schema-id', 'Schema 999 not found in the schema registry');
    const headers = deadLetterHeaders(record, { error, attempts: 1, firstFailureAt }, 'inventory', now);
    expect(headers).toMatchObject({
      'event-type': 'OrderApproved',
      'dlq-original-topic': 'tradeflow.orders.v1',
      'dlq-original-partition': '2',
      'dlq-original-offset': '41',
      'dlq-original-key': 'order-7',
      'dlq-original-timestamp': '1700000000000',
      'dlq-reason': 'unknown-schema-id',
      'dlq-error-class': 'UndecodableEventError',
      'dlq-error-message': 'Schema 999 not found in the schema registry',
      'dlq-attempts': '1',
      'dlq-first-failure-at': '2030-01-01T10:00:00.000Z',
      'dlq-last-failure-at': '2030-01-01T10:00:05.000Z',
      'dlq-consumer': 'inventory',
      // A replay that failed again says which dead letter it came from.
      'dlq-replay-of': 'inventory.dlq:0:3',
    });
  });

  it('truncate the stack and turn a thrown non-error into one', () => {
    const error = new TypeError('boom');
    error.stack = 'x'.repeat(STACK_LIMIT * 2);
    const headers = deadLetterHeaders(record, { error, attempts: 3, firstFailureAt }, 'inventory', now);
    expect(String(headers['dlq-error-stack'])).toHaveLength(STACK_LIMIT);
    expect(headers['dlq-reason']).toBe('handler-error');
    const thrown = deadLetterHeaders(record, { error: 'just a string', attempts: 3, firstFailureAt }, 'inventory', now);
    expect(thrown).toMatchObject({ 'dlq-error-class': 'Error', 'dlq-error-message': 'just a string' });
  });

  it('read back into a dead letter, and a marker into a replay marker', () => {
    const error = new TypeError('boom');
    const headers = deadLetterHeaders(record, { error, attempts: 3, firstFailureAt }, 'inventory', now);
    const entry = readDeadLetterEntry({ topic: 'inventory.dlq', partition: 1, offset: '9', key: record.key, value: record.value, headers });
    expect(entry).toMatchObject({
      kind: 'dead-letter',
      deadLetter: {
        id: '1:9',
        originalTopic: 'tradeflow.orders.v1',
        originalPartition: 2,
        originalOffset: '41',
        key: 'order-7',
        eventType: 'OrderApproved',
        eventId: 'e-1',
        reason: 'handler-error',
        errorClass: 'TypeError',
        attempts: 3,
        valueBytes: 7,
        valueOmitted: false,
        replayedAt: null,
        replayOf: 'inventory.dlq:0:3',
      },
    });
    const marker = { [DLQ_HEADER.marker]: 'replayed', [DLQ_HEADER.markerOf]: '1:9', [DLQ_HEADER.markerAt]: 'then' };
    expect(readDeadLetterEntry({ topic: 'inventory.dlq', partition: 0, offset: '10', key: null, value: null, headers: marker })).toEqual({
      kind: 'replay-marker',
      of: '1:9',
      at: 'then',
    });
  });

  it('come off again for a replay', () => {
    const headers = { 'event-type': 'OrderApproved', 'dlq-reason': 'handler-error', 'dlq-replay-of': 'x' };
    expect(withoutDeadLetterHeaders(headers)).toEqual({ 'event-type': 'OrderApproved' });
  });
});
