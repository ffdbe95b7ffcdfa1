import { BadRequestException } from '@nestjs/common';
import type { EventCodec } from '@tradeflow/events';
import type { IHeaders, Kafka, Message, Producer } from 'kafkajs';
import type { DeadLetter } from './dead-letter';
import { readDeadLetterEntry } from './dead-letter';
import type { DeadLetterFilter, ReplaySelection } from './dead-letter-filter';
import { describeMissingSelection, matchesFilter } from './dead-letter-filter';
import { DLQ_HEADER, withoutDeadLetterHeaders } from './dead-letter-headers';
import type { DecodedPayload } from './dead-letter-payload';
import { decodePayload } from './dead-letter-payload';
import { readWholeTopic } from './topic-reader';

export interface ReplayResult {
  /** Ids of the dead letters sent to the group's retry topic. */
  replayed: string[];
  /** Selected but not replayable: dismissed, or their value was too large to keep. */
  skipped: { id: string; why: string }[];
}

export interface DismissResult {
  /** Ids of the dead letters now dismissed: never replayed, not counted as open. */
  dismissed: string[];
  /** Named but not dismissed: unknown, already dismissed or already replayed. */
  skipped: { id: string; why: string }[];
}

/** A dead letter with its value decoded for a reader (the API, the console). */
export type DescribedDeadLetter = DeadLetter & DecodedPayload;

interface Candidate {
  deadLetter: DeadLetter;
  key: string | null;
  value: Buffer | null;
  headers: IHeaders;
}

/**
 * A consumer group's dead letters: list them with their reasons, replay them after a fix, or
 * dismiss those that must never apply (garbage, a forged event). A replay goes to the group's
 * retry topic (`<group>.retry`), which only this group reads and only its own KafkaUser may write:
 * on the original topic every other reader (outside consumers included) would see the event again.
 * The group applies it like the original, and the inbox makes that idempotent: an event applied
 * before changes nothing. Each replay appends a marker record to the dead-letter topic, so
 * the same dead letter is not replayed twice (unless `includeReplayed` asks for it). A crash between
 * the replay and its marker can replay a record once more, which the inbox again absorbs.
 * A dismissal is a marker too (`dismissed`, with its reason): the topic stays the one record of
 * what happened to each letter, readable by `npm run dlq` with Kafka credentials alone and by every
 * replica alike, as replays are.
 */
export class DeadLetters {
  constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    readonly topic: string,
    /** The group's retry topic, where replays go. */
    readonly retryTopic: string,
    readonly consumerGroup: string,
    /** Decodes values for `page`; without it every payload is null with the reason why. */
    private readonly codec?: EventCodec,
  ) {}

  async list(filter: DeadLetterFilter = {}): Promise<DeadLetter[]> {
    return (await this.read(filter, false)).map((candidate) => candidate.deadLetter);
  }

  /** The first `limit` matches, oldest failure first, each with its decoded payload; `count` before the limit. */
  async page(filter: DeadLetterFilter, limit: number): Promise<{ count: number; deadLetters: DescribedDeadLetter[] }> {
    const all = await this.read(filter, true);
    all.sort((a, b) => (a.deadLetter.lastFailureAt ?? '').localeCompare(b.deadLetter.lastFailureAt ?? ''));
    const shown = all.slice(0, limit);
    const deadLetters = await Promise.all(
      shown.map(async ({ deadLetter, value }) => ({ ...deadLetter, ...(await decodePayload(deadLetter, value, this.codec)) })),
    );
    return { count: all.length, deadLetters };
  }

  /** Marks the named dead letters as never to be applied; each dismissal keeps its reason. */
  async dismiss(ids: string[], reason: string): Promise<DismissResult> {
    if (ids.length === 0) throw new BadRequestException('name the dead letters to dismiss (ids)');
    const found = new Map(
      (await this.read({ ids, includeReplayed: true, includeDismissed: true }, false)).map(({ deadLetter }) => [deadLetter.id, deadLetter]),
    );
    const result: DismissResult = { dismissed: [], skipped: [] };
    const markers: Message[] = [];
    const at = new Date().toISOString();
    for (const id of new Set(ids)) {
      const letter = found.get(id);
      if (!letter) result.skipped.push({ id, why: 'no such dead letter' });
      else if (letter.dismissedAt) result.skipped.push({ id, why: `already dismissed at ${letter.dismissedAt}` });
      else if (letter.replayedAt) result.skipped.push({ id, why: `already replayed at ${letter.replayedAt}` });
      else {
        result.dismissed.push(id);
        markers.push(dismissalMarker(id, letter.key, reason, at));
      }
    }
    if (markers.length > 0) await this.producer.send({ topic: this.topic, messages: markers });
    return result;
  }

  async replay(selection: ReplaySelection): Promise<ReplayResult> {
    const missing = describeMissingSelection(selection);
    if (missing) throw new BadRequestException(missing);
    const skipped: ReplayResult['skipped'] = [];
    const replays: { id: string; message: Message }[] = [];
    for (const candidate of await this.read({ ...selection, includeDismissed: true }, true)) {
      const { id, valueOmitted, dismissedAt, dismissReason } = candidate.deadLetter;
      // A dismissed letter must never apply: named, it is reported; matched by a wider selection, left alone.
      if (dismissedAt) {
        if (selection.ids?.includes(id)) skipped.push({ id, why: `dismissed at ${dismissedAt}: ${dismissReason}` });
      } else if (valueOmitted) skipped.push({ id, why: 'value too large to keep' });
      else replays.push({ id, message: this.replayMessage(candidate) });
    }
    if (replays.length > 0) {
      // In log order, so replays of one key keep their order; markers only after the replays are on Kafka.
      await this.producer.send({ topic: this.retryTopic, messages: replays.map(({ message }) => message) });
      const at = new Date().toISOString();
      await this.producer.send({ topic: this.topic, messages: replays.map(({ id, message }) => marker(id, message, at)) });
    }
    return { replayed: replays.map(({ id }) => id), skipped };
  }

  /** Dead letters matching the filter in log order, replay and dismissal markers applied; values kept only if asked. */
  private async read(filter: DeadLetterFilter, keepValues: boolean): Promise<Candidate[]> {
    const byId = new Map<string, Candidate>();
    const replayedAt = new Map<string, string>();
    const dismissed = new Map<string, { at: string; reason: string }>();
    await readWholeTopic(this.kafka, this.topic, (record) => {
      const entry = readDeadLetterEntry(record);
      if (entry.kind === 'replay-marker') replayedAt.set(entry.of, entry.at);
      // The first dismissal counts: a second one (two operators at once) changes nothing.
      else if (entry.kind === 'dismissal-marker') {
        if (!dismissed.has(entry.of)) dismissed.set(entry.of, { at: entry.at, reason: entry.reason });
      } else if (matchesFilter(entry.deadLetter, { ...filter, includeReplayed: true, includeDismissed: true })) {
        const value = keepValues ? entry.value : null;
        byId.set(entry.deadLetter.id, { deadLetter: entry.deadLetter, key: entry.deadLetter.key, value, headers: entry.headers });
      }
    });
    const candidates = [...byId.values()];
    for (const { deadLetter } of candidates) {
      deadLetter.replayedAt = replayedAt.get(deadLetter.id) ?? null;
      deadLetter.dismissedAt = dismissed.get(deadLetter.id)?.at ?? null;
      deadLetter.dismissReason = dismissed.get(deadLetter.id)?.reason ?? null;
    }
    return candidates.filter(({ deadLetter }) => matchesFilter(deadLetter, filter));
  }

  private replayMessage({ deadLetter, key, value, headers }: Candidate): Message {
    return {
      key,
      value,
      headers: {
        ...withoutDeadLetterHeaders(headers),
        [DLQ_HEADER.replayOf]: `${this.topic}:${deadLetter.id}`,
        [DLQ_HEADER.replayFor]: this.consumerGroup,
      },
    };
  }
}

function dismissalMarker(id: string, key: string | null, reason: string, at: string): Message {
  return {
    key,
    value: null,
    headers: { [DLQ_HEADER.marker]: 'dismissed', [DLQ_HEADER.markerOf]: id, [DLQ_HEADER.markerAt]: at, [DLQ_HEADER.markerReason]: reason },
  };
}

function marker(id: string, replay: Message, at: string): Message {
  return {
    key: replay.key,
    value: null,
    headers: { [DLQ_HEADER.marker]: 'replayed', [DLQ_HEADER.markerOf]: id, [DLQ_HEADER.markerAt]: at },
  };
}
