import type { Holding } from '../reservations/release';
import { issueFromLevel, linesOf, planIssue, planTakeBack } from './issue';

const holding = (id: string, open: number, issued = 0): Holding => ({ id, lineNo: 1, sku: 'MUG', warehouse: 'BER', open, issued });

describe('planIssue', () => {
  it('issues from the oldest reservation first', () => {
    expect(planIssue([holding('12', 3), holding('4', 2)], 4)).toEqual({
      fromReservations: [
        { reservationId: '4', quantity: 2 },
        { reservationId: '12', quantity: 2 },
      ],
      unreserved: 0,
    });
  });

  it('skips what was already issued or released', () => {
    expect(planIssue([holding('1', 0, 3), holding('2', 1)], 1).fromReservations).toEqual([{ reservationId: '2', quantity: 1 }]);
  });

  it('reports a dispatch beyond what the order holds as unreserved', () => {
    expect(planIssue([holding('1', 1)], 3)).toEqual({ fromReservations: [{ reservationId: '1', quantity: 1 }], unreserved: 2 });
    expect(planIssue([], 2)).toEqual({ fromReservations: [], unreserved: 2 });
  });
});

describe('issueFromLevel', () => {
  it('takes on hand down by everything dispatched and reserved by what came out of reservations', () => {
    expect(issueFromLevel({ onHand: 10, reserved: 6 }, 3, 1)).toEqual({ onHand: 3, reserved: 1 });
  });

  it('never goes below 0', () => {
    expect(issueFromLevel({ onHand: 2, reserved: 1 }, 5, 4)).toEqual({ onHand: 2, reserved: 1 });
  });
});

describe('planTakeBack', () => {
  it('takes the shortfall back from the newest open reservations', () => {
    expect(planTakeBack([holding('3', 2), holding('8', 1), holding('5', 0, 2)], 2)).toEqual([
      { reservationId: '8', lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 1 },
      { reservationId: '3', lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 1 },
    ]);
  });

  it('takes nothing without a shortfall', () => {
    expect(planTakeBack([holding('3', 2)], 0)).toEqual([]);
  });
});

describe('linesOf', () => {
  it('sums repeated lines and drops empty ones', () => {
    expect(
      linesOf([
        { lineNo: 1, sku: 'MUG', quantity: 2 },
        { lineNo: 2, sku: 'TEA', quantity: 0 },
        { lineNo: 1, sku: 'MUG', quantity: 1 },
      ]),
    ).toEqual([{ lineNo: 1, sku: 'MUG', quantity: 3 }]);
  });
});
