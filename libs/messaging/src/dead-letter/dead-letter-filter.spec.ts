import type { DeadLetter } from './dead-letter';
import { describeMissingSelection, matchesFilter } from './dead-letter-filter';
import { deadLetterReasonOf } from './dead-letter-reason';
import { InvalidEventError, UndecodableEventError } from '@tradeflow/events';
import { RecordTooLargeError } from '../kafka/record-size';

const letter = (overrides: Partial<DeadLetter>) =>
  ({ id: '0:1', reason: 'handler-error', errorClass: 'TypeError', eventType: 'OrderApproved', replayedAt: null, dismissedAt: null, ...overrides }) as DeadLetter;

describe('dead-letter filter', () => {
  it('holds when every criterion given holds', () => {
    expect(matchesFilter(letter({}), {})).toBe(true);
    expect(matchesFilter(letter({}), { reason: 'handler-error', errorClass: 'TypeError', eventType: 'OrderApproved' })).toBe(true);
    expect(matchesFilter(letter({}), { ids: ['0:2'] })).toBe(false);
    expect(matchesFilter(letter({}), { ids: ['0:2', '0:1'], eventType: 'OrderPlaced' })).toBe(false);
  });

  it('hides replayed dead letters unless asked', () => {
    expect(matchesFilter(letter({ replayedAt: 'then' }), {})).toBe(false);
    expect(matchesFilter(letter({ replayedAt: 'then' }), { includeReplayed: true })).toBe(true);
  });

  it('hides dismissed dead letters unless asked, even when they are named', () => {
    expect(matchesFilter(letter({ dismissedAt: 'then' }), { ids: ['0:1'] })).toBe(false);
    expect(matchesFilter(letter({ dismissedAt: 'then' }), { includeDismissed: true })).toBe(true);
    expect(matchesFilter(letter({ dismissedAt: 'then', replayedAt: 'before' }), { includeDismissed: true })).toBe(false);
  });

  it('refuses a replay that names nothing, unless it asks for all', () => {
    expect(describeMissingSelection({})).toMatch(/ask for all/);
    expect(describeMissingSelection({ includeReplayed: true })).toMatch(/ask for all/);
    expect(describeMissingSelection({ all: true })).toBeUndefined();
    expect(describeMissingSelection({ ids: ['0:1'] })).toBeUndefined();
    expect(describeMissingSelection({ reason: 'handler-error' })).toBeUndefined();
  });
});

describe('deadLetterReasonOf', () => {
  it('names the permanent failures', () => {
    expect(deadLetterReasonOf(new UndecodableEventError('not-wire-format', 'garbage'))).toBe('not-wire-format');
    expect(deadLetterReasonOf(new UndecodableEventError('unknown-schema-id', 'gone'))).toBe('unknown-schema-id');
    expect(deadLetterReasonOf(new UndecodableEventError('invalid-payload', 'bad'))).toBe('invalid-payload');
    expect(deadLetterReasonOf(new RecordTooLargeError(2000, 1000, 'record'))).toBe('record-too-large');
    expect(deadLetterReasonOf(new InvalidEventError('wrong'))).toBe('invalid-event');
    expect(deadLetterReasonOf(new TypeError('bug'))).toBe('handler-error');
  });
});
