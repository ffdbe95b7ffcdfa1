import { messagingTuning } from '../environment/messaging-tuning';

/** One way of doing the hop, run inside a contender process; started and stopped between phases. */
export interface Contender {
  start(): Promise<void>;
  /** Graceful: finishes the batch in hand and commits offsets, so a later start loses and repeats nothing. */
  stop(): Promise<void>;
}

/** What a contender process is told by the bench (all three read the same variables). */
export interface ContenderEnvironment {
  KAFKA_BROKERS: string;
  SCHEMA_REGISTRY_URL: string;
  KAFKA_TOPIC_PREFIX: string;
  KAFKA_CONSUMER_GROUP: string;
  DATABASE_URL_BENCH: string;
}

export function contenderEnvironment(env: NodeJS.ProcessEnv = process.env): ContenderEnvironment {
  const read = (name: keyof ContenderEnvironment) => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set: contender processes are started by the bench`);
    return value;
  };
  return {
    KAFKA_BROKERS: read('KAFKA_BROKERS'),
    SCHEMA_REGISTRY_URL: read('SCHEMA_REGISTRY_URL'),
    KAFKA_TOPIC_PREFIX: read('KAFKA_TOPIC_PREFIX'),
    KAFKA_CONSUMER_GROUP: read('KAFKA_CONSUMER_GROUP'),
    DATABASE_URL_BENCH: read('DATABASE_URL_BENCH'),
  };
}

/**
 * Partitions each contender consumes at once: ours' default (CONSUMER_PARTITIONS_CONCURRENTLY), given
 * to the ceiling and the peer as well so that no contender wins on concurrency alone.
 */
export function partitionsAtOnce(): number {
  return messagingTuning().CONSUMER_PARTITIONS_CONCURRENTLY;
}
