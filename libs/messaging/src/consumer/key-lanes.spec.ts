import { BatchProgress } from './batch-progress';
import { KeyLanes } from './key-lanes';

const source = { topic: 'orders', partition: 0, offset: '0' };
const record = (key: string | null, partition = 0) => ({ key: key === null ? null : Buffer.from(key), source: { ...source, partition } });

describe('KeyLanes', () => {
  it('sends a key to the same lane whatever topic or partition it comes from', () => {
    const lanes = new KeyLanes(4);
    const lane = lanes.laneOf(record('order-1'));
    expect(lanes.laneOf({ key: Buffer.from('order-1'), source: { topic: 'shipments', partition: 2, offset: '9' } })).toBe(lane);
  });

  it('spreads keys over every lane', () => {
    const lanes = new KeyLanes(4);
    const used = new Set(Array.from({ length: 100 }, (_, index) => lanes.laneOf(record(`order-${index}`))));
    expect([...used].sort()).toEqual([0, 1, 2, 3]);
  });

  it('keeps records without a key in their partition’s lane', () => {
    const lanes = new KeyLanes(8);
    expect(lanes.laneOf(record(null, 1))).toBe(lanes.laneOf(record(null, 1)));
  });

  it('splits a batch by lane, each piece in batch order', () => {
    const lanes = new KeyLanes(3);
    const batch = ['a', 'b', 'a', 'c', 'b', 'a'].map((key) => record(key));
    const pieces = lanes.split(batch);
    expect(pieces.flatMap(({ indexes }) => indexes).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const { lane, indexes } of pieces) {
      expect(indexes).toEqual([...indexes].sort((left, right) => left - right));
      expect(indexes.every((index) => lanes.laneOf(batch[index]) === lane)).toBe(true);
    }
  });

  it('runs one piece of a lane after the other, lanes side by side, and goes on after a failure', async () => {
    const lanes = new KeyLanes(2);
    const steps: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = lanes.run(0, async () => {
      steps.push('lane 0 first starts');
      await held;
      steps.push('lane 0 first ends');
      throw new Error('handler failed');
    });
    const second = lanes.run(0, async () => void steps.push('lane 0 second'));
    await lanes.run(1, async () => void steps.push('lane 1'));
    release();
    await expect(first).rejects.toThrow('handler failed');
    await second;
    expect(steps).toEqual(['lane 0 first starts', 'lane 1', 'lane 0 first ends', 'lane 0 second']);
  });
});

describe('BatchProgress', () => {
  it('resolves records in batch order, each once every record before it is done', () => {
    const resolved: number[] = [];
    const progress = new BatchProgress(4, (index) => resolved.push(index));
    progress.done(2);
    progress.done(1);
    expect(resolved).toEqual([]);
    expect(progress.firstPending).toBe(0);
    progress.done(0);
    expect(resolved).toEqual([0, 1, 2]);
    expect(progress.firstPending).toBe(3);
    progress.done(3);
    expect(progress.firstPending).toBeUndefined();
  });
});
