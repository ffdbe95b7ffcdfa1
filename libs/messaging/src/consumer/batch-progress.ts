/**
 * Which records of a fetched batch are done (applied or dead-lettered). Lanes finish their pieces
 * in any order, but an offset is resolved only once every record before it is done too, so a
 * partition that pauses is fetched again from its first record not done: nothing is skipped, and
 * the records after it that were done already are absorbed by the inbox.
 */
export class BatchProgress {
  private readonly finished: boolean[];
  private pending = 0;

  /** `resolve(index)` is called for each record, in batch order, once it and all before it are done. */
  constructor(
    size: number,
    private readonly resolve: (index: number) => void,
  ) {
    this.finished = new Array<boolean>(size).fill(false);
  }

  done(index: number): void {
    this.finished[index] = true;
    while (this.pending < this.finished.length && this.finished[this.pending]) this.resolve(this.pending++);
  }

  /** The first record not done yet, or undefined when the whole batch is. */
  get firstPending(): number | undefined {
    return this.pending < this.finished.length ? this.pending : undefined;
  }
}
