/** What a stock event needs to know of a level, before and after one unit of work. */
export interface LevelSnapshot {
  onHand: number;
  reserved: number;
  reorderPoint: number;
}

/** Why a level changed (StockLevelChanged.reason). */
export type StockChangeReason = 'receipt' | 'reservation' | 'release' | 'issue' | 'return';

export interface StockEvents {
  /** On hand or reserved differ: publish StockLevelChanged. */
  levelChanged: boolean;
  /** Available went from at or above the reorder point to below it: publish ReplenishmentRequested. */
  replenish: boolean;
}

const available = (level: LevelSnapshot) => level.onHand - level.reserved;

/**
 * The stock events one unit of work owes for a level, judged on the net change: a release whose
 * stock went straight to a backorder left the level as it was and says nothing.
 */
export function stockEventsFor(before: LevelSnapshot, after: LevelSnapshot): StockEvents {
  return {
    levelChanged: before.onHand !== after.onHand || before.reserved !== after.reserved,
    replenish: available(before) >= before.reorderPoint && available(after) < after.reorderPoint,
  };
}
