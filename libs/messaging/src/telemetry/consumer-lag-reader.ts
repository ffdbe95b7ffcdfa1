import type { Admin, Kafka } from 'kafkajs';

/** How far a consumer group is behind on one partition. */
export interface PartitionLag {
  topic: string;
  partition: number;
  /** Records on the broker after the group's committed offset. */
  records: number;
  /**
   * At most this long ago the oldest of those records was written: the time since an earlier read
   * last saw the partition end at or before the committed offset. 0 when nothing waits; null when no
   * read of the last SAMPLE_WINDOW_MS saw it (the first read, or a lag older than the window).
   */
  secondsBehind: number | null;
}

export interface GroupLag {
  lag: PartitionLag[];
  /** Records the group committed per second since the previous read (within the window); null on the first. */
  eventsPerSecond: number | null;
}

interface Sample {
  at: number;
  high: bigint;
  committed: bigint;
}

const SAMPLE_WINDOW_MS = 15 * 60_000;
/** A status read during a broker outage answers with the error instead of waiting for the client's retries. */
const READ_TIMEOUT_MS = 3000;

/**
 * Reads a consumer group's committed offsets against the partitions' ends through the admin API:
 * what the broker knows, so it also holds while the group's consumer is stopped, crashed or stuck.
 * The topics are those the group's handlers read, so a partition never committed on counts all it
 * holds. Kafka keeps no record times with offsets, so the time behind comes from this reader's own
 * earlier reads (the status endpoint's and the metrics scrapes', kept for SAMPLE_WINDOW_MS) instead
 * of fetching the waiting record itself.
 */
export class ConsumerLagReader {
  private admin?: Admin;
  private readonly samples = new Map<string, Sample[]>();

  constructor(
    private readonly kafka: Kafka,
    readonly groupId: string,
    private readonly topics: () => string[],
  ) {}

  async read(now = Date.now()): Promise<GroupLag> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the broker did not answer within ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.readOffsets(now), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async readOffsets(now: number): Promise<GroupLag> {
    const admin = await this.connected();
    const topics = this.topics();
    if (topics.length === 0) return { lag: [], eventsPerSecond: null };
    const committed = await admin.fetchOffsets({ groupId: this.groupId, topics });
    const lag: PartitionLag[] = [];
    let consumed = 0n;
    let elapsedMs = 0;
    for (const { topic, partitions } of committed) {
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((end) => [end.partition, end]));
      for (const { partition, offset } of partitions) {
        const end = ends.get(partition);
        if (!end) continue;
        const high = BigInt(end.high);
        // Never committed: everything the partition still holds waits.
        const position = BigInt(offset) >= 0n ? BigInt(offset) : BigInt(end.low);
        const history = this.remember(`${topic}:${partition}`, { at: now, high, committed: position });
        lag.push({ topic, partition, records: Number(high > position ? high - position : 0n), secondsBehind: secondsBehind(history, position, high, now) });
        const previous = history.at(-2);
        if (previous) {
          consumed += position - previous.committed;
          elapsedMs = Math.max(elapsedMs, now - previous.at);
        }
      }
    }
    lag.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    return { lag, eventsPerSecond: elapsedMs > 0 ? Math.max(0, Number(consumed)) / (elapsedMs / 1000) : null };
  }

  /** Nest calls it at shutdown (the reader is a provider of MessagingModule). */
  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect();
    this.admin = undefined;
  }

  private async connected(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin({ retry: { retries: 1 } });
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  private remember(partition: string, sample: Sample): Sample[] {
    const history = (this.samples.get(partition) ?? []).filter(({ at }) => sample.at - at <= SAMPLE_WINDOW_MS);
    history.push(sample);
    this.samples.set(partition, history);
    return history;
  }
}

function secondsBehind(history: Sample[], position: bigint, high: bigint, now: number): number | null {
  if (high <= position) return 0;
  const lastCaughtUp = history.filter((sample) => sample.high <= position).at(-1);
  return lastCaughtUp ? (now - lastCaughtUp.at) / 1000 : null;
}
