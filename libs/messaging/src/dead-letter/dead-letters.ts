import { BadRequestException } from '@nestjs/common';
import type { IHeaders, Kafka, Message, Producer } from 'kafkajs';
import type { DeadLetter } from './dead-letter';
import { readDeadLetterEntry } from './dead-letter';
import type { DeadLetterFilter, ReplaySelection } from './dead-letter-filter';
import { describeMissingSelection, matchesFilter } from './dead-letter-filter';
import { DLQ_HEADER, withoutDeadLetterHeaders } from './dead-letter-headers';
import { readWholeTopic } from './topic-reader';

export interface ReplayResult {
  /** Ids of the dead letters sent back to their original topic. */
  replayed: string[];
  /** Selected but not replayable: their value was too large to keep, or their origin is unknown. */
  skipped: { id: string; why: string }[];
}

interface Candidate {
  deadLetter: DeadLetter;
  key: string | null;
  value: Buffer | null;
  headers: IHeaders;
}

/**
 * A consumer group's dead letters: list them with their reasons, and replay them to their original
 * topic after a fix. A replayed record carries `dlq-replay-for: <group>`, so only this group applies
 * it again (other groups reading the topic skip it), and the inbox makes that idempotent: an event
 * applied before changes nothing. Each replay appends a marker record to the dead-letter topic, so
 * the same dead letter is not replayed twice (unless `includeReplayed` asks for it). A crash between
 * the replay and its marker can replay a record once more, which the inbox again absorbs.
 */
export class DeadLetters {
  constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    readonly topic: string,
    readonly consumerGroup: string,
  ) {}

  async list(filter: DeadLetterFilter = {}): Promise<DeadLetter[]> {
    return (await this.read(filter, false)).map((candidate) => candidate.deadLetter);
  }

  async replay(selection: ReplaySelection): Promise<ReplayResult> {
    const missing = describeMissingSelection(selection);
    if (missing) throw new BadRequestException(missing);
    const skipped: ReplayResult['skipped'] = [];
    const replays: { id: string; topic: string; message: Message }[] = [];
    for (const candidate of await this.read(selection, true)) {
      const { id, valueOmitted, originalTopic } = candidate.deadLetter;
      if (valueOmitted) skipped.push({ id, why: 'value too large to keep' });
      else if (!originalTopic) skipped.push({ id, why: 'original topic unknown' });
      else replays.push({ id, topic: originalTopic, message: this.replayMessage(candidate) });
    }
    if (replays.length > 0) {
      // In log order, so replays of one key keep their order; markers only after the replays are on Kafka.
      const byTopic = new Map<string, Message[]>();
      for (const { topic, message } of replays) {
        const messages = byTopic.get(topic) ?? [];
        messages.push(message);
        byTopic.set(topic, messages);
      }
      await this.producer.sendBatch({ topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
      const at = new Date().toISOString();
      await this.producer.send({ topic: this.topic, messages: replays.map(({ id, message }) => marker(id, message, at)) });
    }
    return { replayed: replays.map(({ id }) => id), skipped };
  }

  /** Dead letters matching the filter in log order, replay markers applied; values kept only if asked. */
  private async read(filter: DeadLetterFilter, keepValues: boolean): Promise<Candidate[]> {
    const byId = new Map<string, Candidate>();
    const replayedAt = new Map<string, string>();
    await readWholeTopic(this.kafka, this.topic, (record) => {
      const entry = readDeadLetterEntry(record);
      if (entry.kind === 'replay-marker') replayedAt.set(entry.of, entry.at);
      else if (matchesFilter(entry.deadLetter, { ...filter, includeReplayed: true })) {
        const value = keepValues ? entry.value : null;
        byId.set(entry.deadLetter.id, { deadLetter: entry.deadLetter, key: entry.deadLetter.key, value, headers: entry.headers });
      }
    });
    const candidates = [...byId.values()];
    for (const { deadLetter } of candidates) deadLetter.replayedAt = replayedAt.get(deadLetter.id) ?? null;
    return candidates.filter(({ deadLetter }) => filter.includeReplayed || deadLetter.replayedAt === null);
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

function marker(id: string, replay: Message, at: string): Message {
  return {
    key: replay.key,
    value: null,
    headers: { [DLQ_HEADER.marker]: 'replayed', [DLQ_HEADER.markerOf]: id, [DLQ_HEADER.markerAt]: at },
  };
}
