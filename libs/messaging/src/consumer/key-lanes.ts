import type { RawRecord } from './consumed-event';

/** A batch's records that share a lane, by their index in the batch, in batch order. */
export interface LanePiece {
  lane: number;
  indexes: number[];
}

/**
 * One writer per key range. Each record key hashes to one of `count` lanes; a lane runs the work
 * given to it one piece after the other, whichever partition or topic the piece came from. Events
 * of one aggregate reach a service on several topics under the same key, and partitions are
 * consumed concurrently: before lanes, each partition's batch ran as its own transaction and took
 * advisory locks on all of its keys up front, so batches sharing a single order queued behind
 * each other for a whole batch each, and the longer the batches grew under load the longer the
 * queue (a lock convoy). Now two transactions of one replica never hold the same key, and a batch
 * waits only for the work on its own key range, not for every batch that shares one of its keys.
 */
export class KeyLanes {
  private readonly tails: Promise<unknown>[];

  constructor(readonly count: number) {
    this.tails = Array.from({ length: count }, () => Promise.resolve());
  }

  /** Records without a key keep their partition's order: they share the partition's lane. */
  laneOf(record: Pick<RawRecord, 'key' | 'source'>): number {
    if (this.count === 1) return 0;
    const key = record.key ?? Buffer.from(`${record.source.topic}|${record.source.partition}`);
    return fnv1a(key) % this.count;
  }

  /** The batch split by lane, each piece in batch order (so per key). */
  split(records: readonly Pick<RawRecord, 'key' | 'source'>[]): LanePiece[] {
    const pieces = new Map<number, number[]>();
    records.forEach((record, index) => {
      const lane = this.laneOf(record);
      const indexes = pieces.get(lane);
      if (indexes) indexes.push(index);
      else pieces.set(lane, [index]);
    });
    return [...pieces].map(([lane, indexes]) => ({ lane, indexes }));
  }

  /** Runs `work` once everything given to the lane before it has settled; a failure does not block the lane. */
  run<T>(lane: number, work: () => Promise<T>): Promise<T> {
    const result = this.tails[lane].then(work);
    this.tails[lane] = result.catch(() => undefined);
    return result;
  }
}

/** 32-bit FNV-1a: cheap, and spreads short ids such as UUIDs evenly. */
function fnv1a(bytes: Buffer): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}
