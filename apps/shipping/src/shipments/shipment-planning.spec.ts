import type { OrderFacts, PlannedShipment, ReservedStock } from './shipment-planning';
import { mayShip, planShipments } from './shipment-planning';

function order(lines: [lineNo: number, sku: string, ordered: number][], extra: Partial<OrderFacts> = {}): OrderFacts {
  return { known: true, cancelled: false, allowPartialShipment: false, lines: lines.map(([lineNo, sku, ordered]) => ({ lineNo, sku, ordered })), ...extra };
}

function reserved(...entries: [lineNo: number, sku: string, warehouse: string, quantity: number][]): ReservedStock[] {
  return entries.map(([lineNo, sku, warehouse, quantity]) => ({ lineNo, sku, warehouse, quantity }));
}

function shipment(id: string, warehouse: string, status: PlannedShipment['status'], ...lines: [number, string, number][]): PlannedShipment {
  return { id, warehouse, status, lines: lines.map(([lineNo, sku, quantity]) => ({ lineNo, sku, quantity })) };
}

const nothing = { cancel: [], create: [] };

describe('planShipments', () => {
  const mugAndTea = order([
    [1, 'MUG', 2],
    [2, 'TEA', 1],
  ]);

  describe('when shipments are created', () => {
    it('waits while the order itself is unknown (reservations topic ahead of orders topic)', () => {
      expect(planShipments({ ...mugAndTea, known: false }, reserved([1, 'MUG', 'BER', 2], [2, 'TEA', 'BER', 1]), [])).toEqual(nothing);
    });

    it('waits until every line is fully reserved when partial shipment is not allowed', () => {
      expect(planShipments(mugAndTea, reserved([1, 'MUG', 'BER', 2]), [])).toEqual(nothing);
      expect(planShipments(mugAndTea, reserved([1, 'MUG', 'BER', 2], [2, 'TEA', 'BER', 0]), [])).toEqual(nothing);
      expect(planShipments(mugAndTea, reserved([1, 'MUG', 'BER', 1], [2, 'TEA', 'BER', 1]), [])).toEqual(nothing);
    });

    it('creates one shipment with every line once the order is fully reserved in one warehouse', () => {
      expect(planShipments(mugAndTea, reserved([2, 'TEA', 'BER', 1], [1, 'MUG', 'BER', 2]), [])).toEqual({
        cancel: [],
        create: [
          {
            warehouse: 'BER',
            lines: [
              { lineNo: 1, sku: 'MUG', quantity: 2 },
              { lineNo: 2, sku: 'TEA', quantity: 1 },
            ],
          },
        ],
      });
    });

    it('creates one shipment per warehouse, warehouses in code order', () => {
      const plan = planShipments(mugAndTea, reserved([1, 'MUG', 'HAM', 2], [2, 'TEA', 'BER', 1]), []);
      expect(plan.create).toEqual([
        { warehouse: 'BER', lines: [{ lineNo: 2, sku: 'TEA', quantity: 1 }] },
        { warehouse: 'HAM', lines: [{ lineNo: 1, sku: 'MUG', quantity: 2 }] },
      ]);
    });

    it('splits one line over the warehouses it was reserved in, adding up several reservations', () => {
      const plan = planShipments(
        order([[1, 'MUG', 5]]),
        reserved([1, 'MUG', 'BER', 1], [1, 'MUG', 'HAM', 3], [1, 'MUG', 'BER', 1]),
        [],
      );
      expect(plan.create).toEqual([
        { warehouse: 'BER', lines: [{ lineNo: 1, sku: 'MUG', quantity: 2 }] },
        { warehouse: 'HAM', lines: [{ lineNo: 1, sku: 'MUG', quantity: 3 }] },
      ]);
    });

    it('ships what is reserved when partial shipment is allowed, and later only the difference', () => {
      const partial = { ...mugAndTea, allowPartialShipment: true };
      expect(planShipments(partial, reserved([1, 'MUG', 'BER', 1]), []).create).toEqual([
        { warehouse: 'BER', lines: [{ lineNo: 1, sku: 'MUG', quantity: 1 }] },
      ]);
      const first = shipment('s1', 'BER', 'LABELLED', [1, 'MUG', 1]);
      expect(planShipments(partial, reserved([1, 'MUG', 'BER', 1]), [first])).toEqual(nothing);
      expect(planShipments(partial, reserved([1, 'MUG', 'BER', 1], [1, 'MUG', 'BER', 1], [2, 'TEA', 'BER', 1]), [first]).create).toEqual([
        {
          warehouse: 'BER',
          lines: [
            { lineNo: 1, sku: 'MUG', quantity: 1 },
            { lineNo: 2, sku: 'TEA', quantity: 1 },
          ],
        },
      ]);
    });

    it('plans nothing twice: live shipments already covering the reservations change nothing', () => {
      const shipments = [shipment('s1', 'BER', 'LABEL_PENDING', [1, 'MUG', 2], [2, 'TEA', 1])];
      expect(planShipments(mugAndTea, reserved([1, 'MUG', 'BER', 2], [2, 'TEA', 'BER', 1]), shipments)).toEqual(nothing);
    });

    it('counts dispatched shipments as holding their quantities', () => {
      const shipments = [shipment('s1', 'BER', 'DELIVERED', [1, 'MUG', 2]), shipment('s2', 'BER', 'DISPATCHED', [2, 'TEA', 1])];
      expect(planShipments(mugAndTea, reserved([1, 'MUG', 'BER', 2], [2, 'TEA', 'BER', 1]), shipments)).toEqual(nothing);
    });

    it('does not count cancelled shipments, so their quantities are planned again', () => {
      const shipments = [shipment('s1', 'BER', 'CANCELLED', [1, 'MUG', 2])];
      expect(planShipments(order([[1, 'MUG', 2]]), reserved([1, 'MUG', 'BER', 2]), shipments).create).toEqual([
        { warehouse: 'BER', lines: [{ lineNo: 1, sku: 'MUG', quantity: 2 }] },
      ]);
    });

    it('ignores a removed line (ordered 0, nothing reserved) when deciding the order is fully reserved', () => {
      const amended = order([
        [1, 'MUG', 2],
        [2, 'TEA', 0],
      ]);
      expect(planShipments(amended, reserved([1, 'MUG', 'BER', 2]), []).create).toHaveLength(1);
    });

    it('creates nothing for an order without any ordered quantity', () => {
      expect(planShipments(order([[1, 'MUG', 0]]), [], [])).toEqual(nothing);
      expect(planShipments(order([]), [], [])).toEqual(nothing);
    });
  });

  describe('after an amendment', () => {
    it('keeps existing shipments and waits for the new quantity to be reserved when it went up', () => {
      const amendedUp = order([
        [1, 'MUG', 3],
        [2, 'TEA', 1],
      ]);
      const shipments = [shipment('s1', 'BER', 'LABELLED', [1, 'MUG', 2], [2, 'TEA', 1])];
      expect(planShipments(amendedUp, reserved([1, 'MUG', 'BER', 2], [2, 'TEA', 'BER', 1]), shipments)).toEqual(nothing);
      expect(planShipments(amendedUp, reserved([1, 'MUG', 'BER', 2], [2, 'TEA', 'BER', 1], [1, 'MUG', 'HAM', 1]), shipments)).toEqual({
        cancel: [],
        create: [{ warehouse: 'HAM', lines: [{ lineNo: 1, sku: 'MUG', quantity: 1 }] }],
      });
    });

    it('creates nothing while a line is reserved beyond its ordered quantity (the release is on its way)', () => {
      const amendedDown = order([
        [1, 'MUG', 1],
        [2, 'TEA', 1],
      ]);
      expect(planShipments(amendedDown, reserved([1, 'MUG', 'BER', 2], [2, 'TEA', 'BER', 1]), [])).toEqual(nothing);
      expect(planShipments({ ...amendedDown, allowPartialShipment: true }, reserved([1, 'MUG', 'BER', 2]), [])).toEqual(nothing);
      expect(mayShip(order([[1, 'MUG', 1]]), reserved([2, 'TEA', 'BER', 1]))).toBe(false);
    });

    it('cancels the undispatched shipments of a warehouse holding more than is reserved, and plans it again', () => {
      const amendedDown = order([
        [1, 'MUG', 1],
        [2, 'TEA', 1],
      ]);
      const shipments = [
        shipment('s1', 'BER', 'LABELLED', [1, 'MUG', 2]),
        shipment('s2', 'BER', 'LABEL_FAILED', [2, 'TEA', 1]),
        shipment('s3', 'HAM', 'LABEL_PENDING', [1, 'MUG', 1]),
      ];
      // 3 MUG: 2 reserved in BER (1 released after the amend down to 2), 1 in HAM.
      const amended = order([
        [1, 'MUG', 2],
        [2, 'TEA', 1],
      ]);
      const stock = reserved([1, 'MUG', 'BER', 2], [1, 'MUG', 'BER', -1], [2, 'TEA', 'BER', 1], [1, 'MUG', 'HAM', 1]);
      expect(planShipments(amendedDown, stock, shipments).create).toEqual([]);
      const plan = planShipments(amended, stock, shipments);
      expect(plan).toEqual({
        cancel: [
          { shipmentId: 's1', reason: 'amended' },
          { shipmentId: 's2', reason: 'amended' },
        ],
        create: [
          {
            warehouse: 'BER',
            lines: [
              { lineNo: 1, sku: 'MUG', quantity: 1 },
              { lineNo: 2, sku: 'TEA', quantity: 1 },
            ],
          },
        ],
      });
    });

    it('cancels a warehouse whose whole reservation was released and creates nothing there', () => {
      const removedTea = order([
        [1, 'MUG', 2],
        [2, 'TEA', 0],
      ]);
      const shipments = [shipment('s1', 'BER', 'LABELLED', [1, 'MUG', 2]), shipment('s2', 'HAM', 'LABELLED', [2, 'TEA', 1])];
      expect(planShipments(removedTea, reserved([1, 'MUG', 'BER', 2], [2, 'TEA', 'HAM', 1], [2, 'TEA', 'HAM', -1]), shipments)).toEqual({
        cancel: [{ shipmentId: 's2', reason: 'amended' }],
        create: [],
      });
    });

    it('names the release reason on the cancellation (a cancel release can overtake OrderCancelled)', () => {
      const shipments = [shipment('s1', 'BER', 'LABELLED', [1, 'MUG', 2])];
      expect(planShipments(order([[1, 'MUG', 2]]), [], shipments, 'cancelled').cancel).toEqual([{ shipmentId: 's1', reason: 'cancelled' }]);
    });

    it('a partly dispatched line amended down to what left: the other warehouse’s shipment goes once its release arrives', () => {
      // 5 MUG allowing partial shipment: 3 reserved and dispatched from BER, 2 reserved in HAM and labelled; amended to 3.
      const reducedToShipped = order([[1, 'MUG', 3]], { allowPartialShipment: true });
      const shipments = [shipment('s1', 'BER', 'DISPATCHED', [1, 'MUG', 3]), shipment('s2', 'HAM', 'LABELLED', [1, 'MUG', 2])];
      const beforeRelease = reserved([1, 'MUG', 'BER', 3], [1, 'MUG', 'HAM', 2]);
      expect(planShipments(reducedToShipped, beforeRelease, shipments)).toEqual(nothing);
      const released = reserved([1, 'MUG', 'BER', 3], [1, 'MUG', 'HAM', 2], [1, 'MUG', 'HAM', -2]);
      expect(planShipments(reducedToShipped, released, shipments)).toEqual({ cancel: [{ shipmentId: 's2', reason: 'amended' }], create: [] });
    });

    it('never cancels for what dispatched shipments hold, even beyond the reservation', () => {
      const shipments = [shipment('s1', 'BER', 'DISPATCHED', [1, 'MUG', 2]), shipment('s2', 'BER', 'LABELLED', [2, 'TEA', 1])];
      const plan = planShipments(
        order([
          [1, 'MUG', 2],
          [2, 'TEA', 1],
        ]),
        reserved([1, 'MUG', 'BER', 1], [2, 'TEA', 'BER', 1]),
        shipments,
      );
      expect(plan).toEqual(nothing);
    });
  });

  describe('when the order is cancelled', () => {
    it('cancels every undispatched shipment, keeps dispatched ones and creates nothing', () => {
      const shipments = [
        shipment('s1', 'BER', 'LABEL_PENDING', [1, 'MUG', 1]),
        shipment('s2', 'BER', 'LABELLED', [1, 'MUG', 1]),
        shipment('s3', 'HAM', 'LABEL_FAILED', [2, 'TEA', 1]),
        shipment('s4', 'HAM', 'DISPATCHED', [2, 'TEA', 1]),
        shipment('s5', 'HAM', 'DELIVERED', [2, 'TEA', 1]),
        shipment('s6', 'HAM', 'CANCELLED', [2, 'TEA', 1]),
      ];
      const plan = planShipments({ ...mugAndTea, cancelled: true }, reserved([1, 'MUG', 'BER', 5]), shipments);
      expect(plan).toEqual({
        cancel: [
          { shipmentId: 's1', reason: 'cancelled' },
          { shipmentId: 's2', reason: 'cancelled' },
          { shipmentId: 's3', reason: 'cancelled' },
        ],
        create: [],
      });
    });
  });
});
