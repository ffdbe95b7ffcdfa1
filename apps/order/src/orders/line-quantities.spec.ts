import { EventMismatchError } from './event-mismatch.error';
import { addToLines, applyBackorders, applyReleases, applyReservations } from './line-quantities';

const blank = { cancelled: 0, reserved: 0, backordered: 0, shipped: 0, invoiced: 0, returned: 0, credited: 0 };
const lines = [
  { lineNo: 1, quantity: 5, ...blank },
  { lineNo: 2, quantity: 2, ...blank },
];
const lineOf = (list: typeof lines, lineNo: number) => list.find((line) => line.lineNo === lineNo)!;

describe('line quantities', () => {
  it('adds reservations, split over warehouses, line by line', () => {
    const next = applyReservations(lines, [
      { lineNo: 1, quantity: 3 },
      { lineNo: 1, quantity: 2 },
      { lineNo: 2, quantity: 2 },
    ]);
    expect(next.map((line) => line.reserved)).toEqual([5, 2]);
    expect(lines[0].reserved).toBe(0);
  });

  it('adds backorders, and a reservation that fills one ends the wait', () => {
    const waiting = applyBackorders(lines, [
      { lineNo: 1, quantity: 5 },
      { lineNo: 2, quantity: 2 },
    ]);
    const partly = applyReservations(waiting, [{ lineNo: 2, quantity: 2 }]);
    expect(lineOf(partly, 2)).toMatchObject({ reserved: 2, backordered: 0 });
    expect(lineOf(partly, 1)).toMatchObject({ reserved: 0, backordered: 5 });
  });

  it('keeps a backorder waiting when the reservation is for an amended line’s extra quantity', () => {
    // 5 ordered: 3 reserved, 2 waiting; amended to 8, inventory reserves the 3 extra at once.
    const before = [{ ...lines[0], quantity: 8, reserved: 3, backordered: 2 }];
    expect(applyReservations(before, [{ lineNo: 1, quantity: 3 }])[0]).toMatchObject({ reserved: 6, backordered: 2 });
  });

  it('records a reservation beyond a lowered quantity rather than refusing the fact', () => {
    const lowered = [{ ...lines[0], quantity: 3, reserved: 3, backordered: 2 }];
    expect(applyReservations(lowered, [{ lineNo: 1, quantity: 2 }])[0]).toMatchObject({ reserved: 5, backordered: 0 });
  });

  it('takes released reservations and withdrawn backorders away, never below zero', () => {
    const held = [{ ...lines[0], reserved: 3, backordered: 2 }];
    const released = applyReleases(held, [{ lineNo: 1, quantity: 3 }], [{ lineNo: 1, quantity: 2 }]);
    expect(released[0]).toMatchObject({ reserved: 0, backordered: 0 });
    expect(applyReleases(held, [{ lineNo: 1, quantity: 9 }], [])[0].reserved).toBe(0);
  });

  it('moves the shipped, invoiced, returned and credited counters', () => {
    let next = addToLines(lines, 'shipped', [{ lineNo: 1, quantity: 2 }]);
    next = addToLines(next, 'invoiced', [{ lineNo: 1, quantity: 2 }]);
    next = addToLines(next, 'returned', [{ lineNo: 1, quantity: 1 }]);
    next = addToLines(next, 'credited', [{ lineNo: 1, quantity: 1 }]);
    expect(lineOf(next, 1)).toMatchObject({ shipped: 2, invoiced: 2, returned: 1, credited: 1 });
    expect(lineOf(next, 2)).toMatchObject(blank);
  });

  it('refuses a quantity for a line the order does not have', () => {
    expect(() => applyReservations(lines, [{ lineNo: 9, quantity: 1 }])).toThrow(EventMismatchError);
    expect(() => addToLines(lines, 'shipped', [{ lineNo: 9, quantity: 1 }])).toThrow('unknown line 9');
  });
});
