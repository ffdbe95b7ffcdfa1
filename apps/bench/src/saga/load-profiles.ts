export const LOAD_PROFILES = ['hot-keys', 'realistic'] as const;
export type LoadProfileName = (typeof LOAD_PROFILES)[number];

export interface StockReceipt {
  warehouse: string;
  lines: { sku: string; quantity: number }[];
}

export interface SagaOrder {
  customerId: string;
  lines: { sku: string; quantity: number; unitPriceMinor: number; taxRateBp: number }[];
  /** Warehouses its lines come from: one shipment, so one invoice, per warehouse. */
  shipments: number;
}

/** Who orders what in a saga run: the customers, products and stock set up first, then each order's lines. */
export interface LoadProfile {
  name: LoadProfileName;
  description: string;
  customers: string[];
  /** Every sku its orders and receipts name, put into the product master before them. */
  skus: string[];
  receipts: StockReceipt[];
  /** Every n-th invoice is paid by the bench as the payment provider would; 0: none. */
  payEvery: number;
  nextOrder(): SagaOrder;
}

const PLENTY = 1_000_000;
/** The order API takes at most 500 lines per receipt. */
const RECEIPT_LINES = 500;

export function loadProfile(name: LoadProfileName, random: () => number = Math.random): LoadProfile {
  return name === 'hot-keys' ? hotKeys(random) : realistic(random);
}

/** A flash sale: one marketplace account, four skus, one warehouse; every order touches the same rows. */
function hotKeys(random: () => number): LoadProfile {
  const skus = ['BENCH-MUG', 'BENCH-TEA', 'BENCH-POT', 'BENCH-KETTLE'];
  return {
    name: 'hot-keys',
    description: 'one customer, 4 skus in one warehouse, 1–3 distinct skus of 1–3 units per order, no payments',
    customers: ['CUST-BENCH'],
    skus,
    receipts: [{ warehouse: 'BER', lines: skus.map((sku) => ({ sku, quantity: PLENTY })) }],
    payEvery: 0,
    nextOrder() {
      const chosen = shuffled(skus, random).slice(0, 1 + Math.floor(random() * 3));
      return { customerId: 'CUST-BENCH', lines: chosen.map((sku) => line(sku, random)), shipments: 1 };
    },
  };
}

const CUSTOMERS = 1000;
const SKUS = 500;
const WAREHOUSES = ['BER', 'HAM'];
/** Share of orders whose lines come from both warehouses (two shipments, two invoices). */
const SPLIT_SHARE = 0.1;

/**
 * A shop: 1,000 customers, 500 skus over 2 warehouses with Zipf-skewed popularity (s = 1, so the
 * top sku sells about 150 times as often as the 500th), 1–5 lines, about 10% of orders split
 * across the warehouses, half of the invoices paid.
 */
function realistic(random: () => number): LoadProfile {
  const skus = Array.from({ length: SKUS }, (_, index) => `SKU-${String(index + 1).padStart(4, '0')}`);
  // Popularity ranks alternate between the warehouses, so both hold best sellers.
  const warehouseOf = (rank: number) => WAREHOUSES[rank % WAREHOUSES.length];
  const popularity = zipf(SKUS, 1, random);
  const receipts = WAREHOUSES.flatMap((warehouse) => {
    const stocked = skus.filter((_, rank) => warehouseOf(rank) === warehouse);
    return chunks(stocked, RECEIPT_LINES).map((part) => ({ warehouse, lines: part.map((sku) => ({ sku, quantity: PLENTY })) }));
  });
  return {
    name: 'realistic',
    description: `${CUSTOMERS.toLocaleString('en-US')} customers, ${SKUS} skus over ${WAREHOUSES.length} warehouses drawn by Zipf popularity (s = 1), 1–5 lines, about ${SPLIT_SHARE * 100}% of orders split across the warehouses, every second invoice paid`,
    customers: Array.from({ length: CUSTOMERS }, (_, index) => `CUST-B${String(index + 1).padStart(4, '0')}`),
    skus,
    receipts,
    payEvery: 2,
    nextOrder() {
      const lineCount = 1 + Math.floor(random() * 5);
      const split = lineCount > 1 && random() < SPLIT_SHARE / 0.8;
      const ranks = new Set<number>();
      const home = warehouseOf(popularity());
      // A split order needs a line from each warehouse; the others keep to the warehouse of their first line.
      for (let tries = 0; ranks.size < lineCount && tries < 1000; tries++) {
        const rank = popularity();
        const wanted = split ? (ranks.size === 0 ? home : ranks.size === 1 ? otherThan(home) : undefined) : home;
        if (wanted === undefined || warehouseOf(rank) === wanted) ranks.add(rank);
      }
      const warehouses = new Set([...ranks].map(warehouseOf));
      return {
        customerId: `CUST-B${String(1 + Math.floor(random() * CUSTOMERS)).padStart(4, '0')}`,
        lines: [...ranks].map((rank) => line(skus[rank], random)),
        shipments: warehouses.size,
      };
    },
  };
}

function otherThan(warehouse: string): string {
  return WAREHOUSES.find((candidate) => candidate !== warehouse) ?? warehouse;
}

function line(sku: string, random: () => number) {
  return { sku, quantity: 1 + Math.floor(random() * 3), unitPriceMinor: 1299, taxRateBp: 1900 };
}

/** A sampler of ranks 0..n-1 with P(rank) ∝ 1 / (rank + 1)^s. */
export function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= n; rank++) cumulative.push((total += 1 / rank ** s));
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** Fisher–Yates: a sort by a random comparator is biased. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}
