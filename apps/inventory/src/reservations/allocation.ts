export interface RequestedLine {
  lineNo: number;
  sku: string;
  quantity: number;
}

export interface Availability {
  sku: string;
  warehouse: string;
  available: number;
}

export interface Allocation {
  lineNo: number;
  sku: string;
  warehouse: string;
  quantity: number;
}

export interface AllocationResult {
  allocations: Allocation[];
  backordered: RequestedLine[];
}

/** Per sku, the warehouses its product says are never to be reserved from (the product master's excludedWarehouses). */
export type Exclusions = ReadonlyMap<string, ReadonlySet<string>>;

type Remaining = Map<string, number>;

const slot = (sku: string, warehouse: string) => `${warehouse}\u0000${sku}`;

function remainingOf(stock: readonly Availability[]): Remaining {
  return new Map(stock.map((entry) => [slot(entry.sku, entry.warehouse), Math.max(0, entry.available)]));
}

/** The first warehouse (by code) that holds every line in full, so the order ships as one parcel. */
function singleWarehouse(lines: readonly RequestedLine[], stock: readonly Availability[]): string | undefined {
  const warehouses = [...new Set(stock.map((entry) => entry.warehouse))].sort();
  return warehouses.find((warehouse) => {
    const remaining = remainingOf(stock);
    return lines.every((line) => {
      const key = slot(line.sku, warehouse);
      const left = (remaining.get(key) ?? 0) - line.quantity;
      remaining.set(key, left);
      return left >= 0;
    });
  });
}

export function isExcluded(exclusions: Exclusions, sku: string, warehouse: string): boolean {
  return exclusions.get(sku)?.has(warehouse) ?? false;
}

/**
 * docs/design.md#reservation: one warehouse that can fill the whole order first; otherwise each line
 * takes from the warehouses holding most of its sku (fewest splits); what is left is backordered.
 * Stock in a warehouse its product excludes counts as none.
 */
export function allocate(lines: readonly RequestedLine[], available: readonly Availability[], exclusions: Exclusions = new Map()): AllocationResult {
  const stock = available.filter((entry) => !isExcluded(exclusions, entry.sku, entry.warehouse));
  const whole = singleWarehouse(lines, stock);
  if (whole) {
    return { allocations: lines.map((line) => ({ ...line, warehouse: whole })), backordered: [] };
  }
  const remaining = remainingOf(stock);
  const allocations: Allocation[] = [];
  const backordered: RequestedLine[] = [];
  for (const line of lines) {
    let needed = line.quantity;
    const sources = stock
      .filter((entry) => entry.sku === line.sku)
      .map((entry) => entry.warehouse)
      .sort((a, b) => (remaining.get(slot(line.sku, b)) ?? 0) - (remaining.get(slot(line.sku, a)) ?? 0) || a.localeCompare(b));
    for (const warehouse of sources) {
      const key = slot(line.sku, warehouse);
      const taken = Math.min(needed, remaining.get(key) ?? 0);
      if (taken === 0) continue;
      allocations.push({ lineNo: line.lineNo, sku: line.sku, warehouse, quantity: taken });
      remaining.set(key, (remaining.get(key) ?? 0) - taken);
      needed -= taken;
      if (needed === 0) break;
    }
    if (needed > 0) backordered.push({ ...line, quantity: needed });
  }
  return { allocations, backordered };
}
