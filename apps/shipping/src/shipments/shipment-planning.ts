import type { ShipmentStatus } from './shipment-status';
import { isUndispatched } from './shipment-status';

/** What shipping knows of an order from the orders topic. */
export interface OrderFacts {
  /** OrderPlaced has been seen (the reservations topic may be ahead of the orders topic). */
  known: boolean;
  cancelled: boolean;
  allowPartialShipment: boolean;
  lines: { lineNo: number; sku: string; ordered: number }[];
}

/** Net reserved quantity of a line in a warehouse: Σ StockReserved − Σ StockReleased. */
export interface ReservedStock {
  lineNo: number;
  sku: string;
  warehouse: string;
  quantity: number;
}

export interface ShipmentLine {
  lineNo: number;
  sku: string;
  quantity: number;
}

export interface PlannedShipment {
  id: string;
  warehouse: string;
  status: ShipmentStatus;
  lines: ShipmentLine[];
}

export interface ShipmentPlan {
  cancel: { shipmentId: string; reason: string }[];
  create: { warehouse: string; lines: ShipmentLine[] }[];
}

const slot = (warehouse: string, lineNo: number) => `${warehouse}\u0000${lineNo}`;

function heldBy(shipments: readonly PlannedShipment[]): Map<string, number> {
  const held = new Map<string, number>();
  for (const shipment of shipments) {
    if (shipment.status === 'CANCELLED') continue;
    for (const line of shipment.lines) {
      const key = slot(shipment.warehouse, line.lineNo);
      held.set(key, (held.get(key) ?? 0) + line.quantity);
    }
  }
  return held;
}

/**
 * May new shipments be created? Only when no line is reserved beyond what is ordered (an amend
 * down whose release is still on its way), and then either partial shipment is allowed or every
 * ordered line is fully reserved.
 */
export function mayShip(order: OrderFacts, reserved: readonly ReservedStock[]): boolean {
  const reservedByLine = new Map<number, number>();
  for (const entry of reserved) reservedByLine.set(entry.lineNo, (reservedByLine.get(entry.lineNo) ?? 0) + entry.quantity);
  const ordered = new Map(order.lines.map((line) => [line.lineNo, line.ordered]));
  for (const [lineNo, quantity] of reservedByLine) {
    if (quantity > (ordered.get(lineNo) ?? 0)) return false;
  }
  if (order.allowPartialShipment) return true;
  const orderedLines = order.lines.filter((line) => line.ordered > 0);
  return orderedLines.length > 0 && orderedLines.every((line) => (reservedByLine.get(line.lineNo) ?? 0) === line.ordered);
}

/**
 * The contract's planning rule, given everything known about one order:
 * - a cancelled order cancels every undispatched shipment and plans nothing;
 * - a warehouse whose live shipments hold more of a line than is reserved there (a release after
 *   an amend) has its undispatched shipments cancelled with `releaseReason`, and is planned again;
 * - when `mayShip`, each warehouse gets one shipment for what is reserved there and not yet in a
 *   live shipment.
 * Dispatched shipments are never touched. An order not yet placed plans nothing (its facts wait).
 */
export function planShipments(
  order: OrderFacts,
  reserved: readonly ReservedStock[],
  shipments: readonly PlannedShipment[],
  releaseReason = 'amended',
): ShipmentPlan {
  if (order.cancelled) {
    return {
      cancel: shipments.filter((shipment) => isUndispatched(shipment.status)).map((shipment) => ({ shipmentId: shipment.id, reason: 'cancelled' })),
      create: [],
    };
  }
  if (!order.known) return { cancel: [], create: [] };

  const reservedAt = new Map<string, ReservedStock>();
  for (const entry of reserved) {
    const key = slot(entry.warehouse, entry.lineNo);
    const quantity = (reservedAt.get(key)?.quantity ?? 0) + entry.quantity;
    reservedAt.set(key, { ...entry, quantity });
  }

  const held = heldBy(shipments);
  const dispatched = heldBy(shipments.filter((shipment) => !isUndispatched(shipment.status)));
  const overHeld = new Set<string>();
  for (const shipment of shipments) {
    if (!isUndispatched(shipment.status)) continue;
    const exceeds = shipment.lines.some((line) => {
      const key = slot(shipment.warehouse, line.lineNo);
      // What dispatched shipments hold cannot be taken back; only the undispatched excess counts.
      return (held.get(key) ?? 0) > Math.max(reservedAt.get(key)?.quantity ?? 0, dispatched.get(key) ?? 0);
    });
    if (exceeds) overHeld.add(shipment.warehouse);
  }
  const cancelled = shipments.filter((shipment) => overHeld.has(shipment.warehouse) && isUndispatched(shipment.status));
  const cancel = cancelled.map((shipment) => ({ shipmentId: shipment.id, reason: releaseReason }));
  if (!mayShip(order, reserved)) return { cancel, create: [] };

  const stillHeld = heldBy(shipments.filter((shipment) => !cancelled.includes(shipment)));
  const byWarehouse = new Map<string, ShipmentLine[]>();
  for (const [key, entry] of reservedAt) {
    const quantity = entry.quantity - (stillHeld.get(key) ?? 0);
    if (quantity <= 0) continue;
    const lines = byWarehouse.get(entry.warehouse) ?? [];
    lines.push({ lineNo: entry.lineNo, sku: entry.sku, quantity });
    byWarehouse.set(entry.warehouse, lines);
  }
  const create = [...byWarehouse]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([warehouse, lines]) => ({ warehouse, lines: lines.sort((a, b) => a.lineNo - b.lineNo) }));
  return { cancel, create };
}
