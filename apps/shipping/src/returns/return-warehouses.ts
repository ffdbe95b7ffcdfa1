export interface ReturnLine {
  lineNo: number;
  sku: string;
  quantity: number;
}

/** Quantity of an order line that left (or came back to) a warehouse. */
export interface WarehouseQuantity {
  lineNo: number;
  warehouse: string;
  quantity: number;
}

export interface ReturnedLine extends ReturnLine {
  warehouse: string;
}

export type ReturnAssignment =
  | { ok: true; lines: ReturnedLine[] }
  | { ok: false; lineNo: number; requested: number; returnable: number };

/**
 * Which warehouse each returned quantity goes back to: the warehouses the line was dispatched
 * from, in the order of `shipped` (dispatch order), less what earlier returns already brought back
 * there; a line is split across warehouses when one did not ship enough. Fails, naming the line,
 * when more is returned than was dispatched and not yet returned.
 */
export function assignReturnWarehouses(
  requested: readonly ReturnLine[],
  shipped: readonly WarehouseQuantity[],
  returned: readonly WarehouseQuantity[],
): ReturnAssignment {
  const returnable = new Map<number, Map<string, number>>();
  for (const entry of shipped) {
    const warehouses = returnable.get(entry.lineNo) ?? new Map<string, number>();
    warehouses.set(entry.warehouse, (warehouses.get(entry.warehouse) ?? 0) + entry.quantity);
    returnable.set(entry.lineNo, warehouses);
  }
  for (const entry of returned) {
    const warehouses = returnable.get(entry.lineNo);
    const left = warehouses?.get(entry.warehouse);
    if (warehouses && left !== undefined) warehouses.set(entry.warehouse, left - entry.quantity);
  }

  const lines: ReturnedLine[] = [];
  for (const line of requested) {
    const warehouses = returnable.get(line.lineNo) ?? new Map<string, number>();
    const available = [...warehouses.values()].reduce((sum, quantity) => sum + Math.max(0, quantity), 0);
    if (line.quantity > available) return { ok: false, lineNo: line.lineNo, requested: line.quantity, returnable: available };
    let needed = line.quantity;
    for (const [warehouse, left] of warehouses) {
      const taken = Math.min(needed, Math.max(0, left));
      if (taken === 0) continue;
      lines.push({ lineNo: line.lineNo, sku: line.sku, warehouse, quantity: taken });
      warehouses.set(warehouse, left - taken);
      needed -= taken;
      if (needed === 0) break;
    }
  }
  return { ok: true, lines };
}
