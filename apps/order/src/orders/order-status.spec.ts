import { applyBackorders, applyReservations, reservationStatus, ReservationMismatchError } from './order-status';

const lines = [
  { lineNo: 1, quantity: 5, reserved: 0, backordered: 0 },
  { lineNo: 2, quantity: 2, reserved: 0, backordered: 0 },
];

describe('order reservation status', () => {
  it('is RESERVED when every line is fully reserved', () => {
    const next = applyReservations(lines, [
      { lineNo: 1, quantity: 3 },
      { lineNo: 1, quantity: 2 },
      { lineNo: 2, quantity: 2 },
    ]);
    expect(reservationStatus(next)).toBe('RESERVED');
  });

  it('is PARTIALLY_RESERVED while some quantity waits, BACKORDERED when nothing is reserved', () => {
    const waiting = applyBackorders(lines, [
      { lineNo: 1, quantity: 5 },
      { lineNo: 2, quantity: 2 },
    ]);
    expect(reservationStatus(waiting)).toBe('BACKORDERED');
    const partly = applyReservations(waiting, [{ lineNo: 2, quantity: 2 }]);
    expect(reservationStatus(partly)).toBe('PARTIALLY_RESERVED');
    expect(partly.find((line) => line.lineNo === 2)?.backordered).toBe(0);
  });

  it('refuses a reservation beyond the ordered quantity or for an unknown line', () => {
    expect(() => applyReservations(lines, [{ lineNo: 2, quantity: 3 }])).toThrow(ReservationMismatchError);
    expect(() => applyReservations(lines, [{ lineNo: 9, quantity: 1 }])).toThrow('unknown line 9');
  });
});
