/** Stock of the sku in one warehouse, as the figure counts it. */
export interface WarehouseLevel {
  warehouse: string;
  onHand: number;
  reserved: number;
}

/** What a sales channel may sell of one sku, with what it was computed from. */
export interface AvailabilityFigure {
  availableToSell: number;
  onHand: number;
  reserved: number;
  safetyStock: number;
  warehouses: (WarehouseLevel & { excluded: boolean })[];
}

/**
 * Available-to-sell: on hand less reserved over the warehouses the product does not exclude (stock
 * there is never reserved for orders, so never sold), less the safety stock, never below 0. On hand
 * and reserved are the totals over every warehouse, as GET /v1/stock shows them.
 */
export function availabilityOf(levels: readonly WarehouseLevel[], excluded: ReadonlySet<string>, safetyStock: number): AvailabilityFigure {
  const warehouses = [...levels]
    .sort((a, b) => a.warehouse.localeCompare(b.warehouse))
    .map(({ warehouse, onHand, reserved }) => ({ warehouse, onHand, reserved, excluded: excluded.has(warehouse) }));
  const sellable = warehouses.filter((level) => !level.excluded).reduce((total, level) => total + level.onHand - level.reserved, 0);
  return {
    availableToSell: Math.max(0, Math.max(0, sellable) - safetyStock),
    onHand: warehouses.reduce((total, level) => total + level.onHand, 0),
    reserved: warehouses.reduce((total, level) => total + level.reserved, 0),
    safetyStock,
    warehouses,
  };
}

/**
 * Whether a figure is published: the first one of a sku always, later ones only when what may be
 * sold changed, so a goods issue (on hand and reserved fall together) tells the channels nothing.
 */
export function publishesFigure(published: { availableToSell: number } | undefined, figure: AvailabilityFigure): boolean {
  return published === undefined || published.availableToSell !== figure.availableToSell;
}
