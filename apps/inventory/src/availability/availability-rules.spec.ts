import { availabilityOf, publishesFigure } from './availability-rules';

const none = new Set<string>();

describe('availabilityOf', () => {
  it('sums on hand less reserved over the warehouses, less the safety stock', () => {
    const figure = availabilityOf(
      [
        { warehouse: 'WH-2', onHand: 5, reserved: 1 },
        { warehouse: 'WH-1', onHand: 10, reserved: 3 },
      ],
      none,
      2,
    );
    expect(figure).toEqual({
      availableToSell: 9,
      onHand: 15,
      reserved: 4,
      safetyStock: 2,
      warehouses: [
        { warehouse: 'WH-1', onHand: 10, reserved: 3, excluded: false },
        { warehouse: 'WH-2', onHand: 5, reserved: 1, excluded: false },
      ],
    });
  });

  it("leaves out the stock of warehouses the product excludes, but still shows it", () => {
    const figure = availabilityOf(
      [
        { warehouse: 'WH-1', onHand: 4, reserved: 0 },
        { warehouse: 'QUARANTINE', onHand: 50, reserved: 0 },
      ],
      new Set(['QUARANTINE']),
      0,
    );
    expect(figure.availableToSell).toBe(4);
    expect(figure.onHand).toBe(54);
    expect(figure.warehouses).toContainEqual({ warehouse: 'QUARANTINE', onHand: 50, reserved: 0, excluded: true });
  });

  it('never goes below 0, whether the safety stock exceeds the stock or there is none', () => {
    expect(availabilityOf([{ warehouse: 'WH-1', onHand: 3, reserved: 1 }], none, 5).availableToSell).toBe(0);
    expect(availabilityOf([{ warehouse: 'WH-1', onHand: 3, reserved: 3 }], none, 0).availableToSell).toBe(0);
    expect(availabilityOf([], none, 0)).toEqual({ availableToSell: 0, onHand: 0, reserved: 0, safetyStock: 0, warehouses: [] });
  });

  it('sells exactly the stock above the safety stock', () => {
    expect(availabilityOf([{ warehouse: 'WH-1', onHand: 10, reserved: 0 }], none, 10).availableToSell).toBe(0);
    expect(availabilityOf([{ warehouse: 'WH-1', onHand: 11, reserved: 0 }], none, 10).availableToSell).toBe(1);
  });
});

describe('publishesFigure', () => {
  const figure = (availableToSell: number) => ({ availableToSell, onHand: 9, reserved: 0, safetyStock: 0, warehouses: [] });

  it('publishes the first figure of a sku, even 0', () => {
    expect(publishesFigure(undefined, figure(0))).toBe(true);
  });

  it('publishes a later figure only when available-to-sell moved', () => {
    expect(publishesFigure({ availableToSell: 4 }, figure(3))).toBe(true);
    expect(publishesFigure({ availableToSell: 4 }, figure(4))).toBe(false);
  });
});
