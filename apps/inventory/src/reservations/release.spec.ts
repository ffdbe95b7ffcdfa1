import type { Holding, Waiting } from './release';
import { compareIds, planAmendment, planCancellation, planReduction } from './release';

const holding = (id: string, warehouse: string, open: number, issued = 0, lineNo = 1, sku = 'MUG'): Holding => ({
  id,
  lineNo,
  sku,
  warehouse,
  open,
  issued,
});
const waiting = (id: string, quantity: number, lineNo = 1, sku = 'MUG'): Waiting => ({ id, lineNo, sku, quantity });

describe('compareIds', () => {
  it('orders bigserial ids numerically', () => {
    expect(['10', '9', '100', '11'].sort(compareIds)).toEqual(['9', '10', '11', '100']);
  });
});

describe('planReduction', () => {
  it('withdraws the backorder before releasing reservations', () => {
    const plan = planReduction(3, [holding('1', 'BER', 5)], [waiting('7', 2)]);
    expect(plan.withdrawals).toEqual([{ backorderId: '7', lineNo: 1, sku: 'MUG', quantity: 2 }]);
    expect(plan.releases).toEqual([{ reservationId: '1', lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 1 }]);
  });

  it('releases the most recent allocation first when a line is held in several warehouses', () => {
    const plan = planReduction(4, [holding('2', 'HAM', 3), holding('10', 'BER', 2)], []);
    expect(plan.releases).toEqual([
      { reservationId: '10', lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 2 },
      { reservationId: '2', lineNo: 1, sku: 'MUG', warehouse: 'HAM', quantity: 2 },
    ]);
  });

  it('never releases issued goods', () => {
    const plan = planReduction(5, [holding('1', 'BER', 1, 4)], []);
    expect(plan.releases).toEqual([{ reservationId: '1', lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 1 }]);
  });
});

describe('planAmendment', () => {
  it('adds the difference when a line goes up, counting held, issued and backordered', () => {
    const plan = planAmendment([{ lineNo: 1, sku: 'MUG', quantity: 10 }], [holding('1', 'BER', 3, 2)], [waiting('4', 1)]);
    expect(plan).toEqual({ releases: [], withdrawals: [], additions: [{ lineNo: 1, sku: 'MUG', quantity: 4 }] });
  });

  it('reserves a new line in full and leaves an unchanged line alone', () => {
    const plan = planAmendment(
      [
        { lineNo: 1, sku: 'MUG', quantity: 3 },
        { lineNo: 2, sku: 'TEA', quantity: 2 },
      ],
      [holding('1', 'BER', 3)],
      [],
    );
    expect(plan).toEqual({ releases: [], withdrawals: [], additions: [{ lineNo: 2, sku: 'TEA', quantity: 2 }] });
  });

  it('releases a line amended to 0 or left out of the whole line list', () => {
    const plan = planAmendment(
      [{ lineNo: 1, sku: 'MUG', quantity: 0 }],
      [holding('1', 'BER', 3), holding('2', 'BER', 1, 0, 2, 'TEA')],
      [waiting('5', 2, 2, 'TEA')],
    );
    expect(plan.additions).toEqual([]);
    expect(plan.releases).toEqual([
      { reservationId: '1', lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 3 },
      { reservationId: '2', lineNo: 2, sku: 'TEA', warehouse: 'BER', quantity: 1 },
    ]);
    expect(plan.withdrawals).toEqual([{ backorderId: '5', lineNo: 2, sku: 'TEA', quantity: 2 }]);
  });

  it('goes no lower than what was issued', () => {
    const plan = planAmendment([{ lineNo: 1, sku: 'MUG', quantity: 1 }], [holding('1', 'BER', 2, 3)], []);
    expect(plan.releases).toEqual([{ reservationId: '1', lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 2 }]);
  });

  it('releases exactly the unissued rest of a line amended down to what was issued, in whichever warehouse holds it', () => {
    const splitLine = [holding('1', 'BER', 0, 3), holding('2', 'HAM', 2)];
    const plan = planAmendment([{ lineNo: 1, sku: 'MUG', quantity: 3 }], splitLine, [waiting('3', 1)]);
    expect(plan).toEqual({
      additions: [],
      withdrawals: [{ backorderId: '3', lineNo: 1, sku: 'MUG', quantity: 1 }],
      releases: [{ reservationId: '2', lineNo: 1, sku: 'MUG', warehouse: 'HAM', quantity: 2 }],
    });
  });

  it('treats a line whose sku changed as the old sku removed and the new one added', () => {
    const plan = planAmendment([{ lineNo: 1, sku: 'TEA', quantity: 2 }], [holding('1', 'BER', 2)], []);
    expect(plan.releases).toEqual([{ reservationId: '1', lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 2 }]);
    expect(plan.additions).toEqual([{ lineNo: 1, sku: 'TEA', quantity: 2 }]);
  });

  it('changes nothing when the lines are as they were', () => {
    const plan = planAmendment([{ lineNo: 1, sku: 'MUG', quantity: 5 }], [holding('1', 'BER', 3)], [waiting('2', 2)]);
    expect(plan).toEqual({ releases: [], withdrawals: [], additions: [] });
  });
});

describe('planCancellation', () => {
  it('releases every open reservation and withdraws every backorder, keeping issued goods', () => {
    const plan = planCancellation([holding('1', 'BER', 2, 1), holding('3', 'HAM', 0, 4)], [waiting('9', 5)]);
    expect(plan.releases).toEqual([{ reservationId: '1', lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 2 }]);
    expect(plan.withdrawals).toEqual([{ backorderId: '9', lineNo: 1, sku: 'MUG', quantity: 5 }]);
  });

  it('is empty for an order with nothing left to give up', () => {
    expect(planCancellation([holding('1', 'BER', 0, 2)], [])).toEqual({ releases: [], withdrawals: [] });
  });
});
