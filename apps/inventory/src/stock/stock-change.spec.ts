import { stockEventsFor } from './stock-change';

describe('stockEventsFor', () => {
  const level = (onHand: number, reserved: number, reorderPoint = 0) => ({ onHand, reserved, reorderPoint });

  it('reports a change of on hand or reserved, and nothing for a net-zero unit of work', () => {
    expect(stockEventsFor(level(10, 2), level(10, 3)).levelChanged).toBe(true);
    expect(stockEventsFor(level(10, 2), level(8, 2)).levelChanged).toBe(true);
    expect(stockEventsFor(level(10, 2), level(10, 2))).toEqual({ levelChanged: false, replenish: false });
  });

  it('asks for replenishment when available falls from at the reorder point to below it', () => {
    expect(stockEventsFor(level(10, 5, 5), level(10, 6, 5)).replenish).toBe(true);
    expect(stockEventsFor(level(10, 4, 5), level(10, 6, 5)).replenish).toBe(true);
  });

  it('asks once: not again while available stays below, nor when it rises', () => {
    expect(stockEventsFor(level(10, 6, 5), level(10, 8, 5)).replenish).toBe(false);
    expect(stockEventsFor(level(10, 8, 5), level(20, 8, 5)).replenish).toBe(false);
  });

  it('never asks with a reorder point of 0', () => {
    expect(stockEventsFor(level(3, 0), level(3, 3)).replenish).toBe(false);
  });

  it('asks when a raised reorder point leaves available below it', () => {
    expect(stockEventsFor(level(10, 0, 0), level(12, 0, 20)).replenish).toBe(true);
  });
});
