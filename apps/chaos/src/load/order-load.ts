import { setTimeout as sleep } from 'node:timers/promises';
import { customerId, pick, SKUS, UNITS_PER_ORDER, WAREHOUSES } from './catalogue';
import type { ChaosCredentials } from './credentials';
import type { Intent, JourneyPace, JourneyUrls } from './order-journey';
import type { OrderNews } from './order-news';
import { OrderJourney } from './order-journey';
import type { RetryingHttp } from './retrying-http';
import type { StockLedger } from './stock-ledger';

/** Most orders simply ship; enough of each exception to meet it many times per run. */
function randomIntent(): Intent {
  const roll = Math.random();
  if (roll < 0.08) return 'cancel';
  if (roll < 0.18) return 'amend';
  if (roll < 0.23) return 'return';
  return 'ship';
}

/**
 * Open-model load: a new order journey starts on a fixed schedule whatever the earlier ones are
 * waiting for, so a system slowed by a fault faces a growing queue as a real shop would make it.
 */
export class OrderLoad {
  readonly journeys: OrderJourney[] = [];
  private readonly running: Promise<void>[] = [];
  private givenUp = false;
  private waiting = 0;
  /**
   * Journeys look when there is news of their order. Without news they look at most every 30 s,
   * and less often when many wait (a backlog after a fault), so those looks together stay under 20
   * order reads a second instead of burying the order service.
   */
  private readonly pace: JourneyPace = {
    stopped: () => this.givenUp,
    maxPollMs: () => Math.max(30_000, (this.waiting * 1000) / 20),
    waitForNews: (orderId, ms) => this.news.wait(orderId, ms),
  };

  constructor(
    private readonly news: OrderNews,
    private readonly http: RetryingHttp,
    private readonly urls: JourneyUrls,
    private readonly customers: number,
    private readonly credentials: ChaosCredentials,
  ) {}

  async run(rate: number, seconds: number): Promise<void> {
    const total = Math.round(rate * seconds);
    const start = performance.now();
    while (this.journeys.length < total) {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
      while (this.journeys.length < due) this.startJourney();
      await sleep(20);
    }
  }

  unfinished(): OrderJourney[] {
    return this.journeys.filter((journey) => !journey.done);
  }

  /** Ends the journeys still waiting (the drain timed out) and waits for them to return. */
  async giveUp(): Promise<void> {
    this.givenUp = true;
    await Promise.all(this.running);
  }

  private startJourney(): void {
    const journey = new OrderJourney(
      randomIntent(),
      customerId(1 + Math.floor(Math.random() * this.customers)),
      Math.random() < 0.2,
      Math.random() < 0.15,
      this.http,
      this.urls,
      this.pace,
      this.credentials,
    );
    this.journeys.push(journey);
    this.waiting++;
    this.running.push(journey.run().finally(() => this.waiting--));
  }
}

/**
 * The goods coming in: a first stock of about 20 s of demand per warehouse, then every 5 s, for
 * each sku, a receipt into one warehouse at random of what the orders placed in those 5 s (less
 * those to be cancelled) asked for. Stock hovers around empty, so orders split across warehouses,
 * wait on backorders and are filled by receipts; supply follows the orders actually drawn.
 */
export class Replenisher {
  /** A receipt that never got through (the run gave up on it). */
  readonly problems: string[] = [];
  private stopped = false;
  private loop?: Promise<void>;

  /** `journeys` is the load's own list, which grows as orders are placed. */
  constructor(
    private readonly ledger: StockLedger,
    private readonly rate: number,
    private readonly journeys: readonly OrderJourney[],
  ) {}

  async stockUp(): Promise<void> {
    const quantity = Math.ceil(((this.rate * UNITS_PER_ORDER) / SKUS.length) * 20);
    for (const warehouse of WAREHOUSES) await this.ledger.receive(warehouse, SKUS.map((sku) => ({ sku, quantity })));
  }

  start(): void {
    let supplied = 0;
    this.loop = (async () => {
      while (!this.stopped) {
        await sleep(5000);
        const placed = this.journeys.slice(supplied);
        supplied += placed.length;
        // A cancelled order gives its stock back: supplying it too let stock pile up and backorders stop.
        const kept = placed.filter((journey) => journey.intent !== 'cancel');
        for (const sku of SKUS) {
          const quantity = kept.reduce((sum, journey) => sum + journey.unitsOf(sku), 0);
          if (quantity === 0) continue;
          await this.ledger.receive(pick(WAREHOUSES), [{ sku, quantity }]).catch((error: Error) => void this.problems.push(error.message));
        }
      }
    })();
  }

  /** Stops the regular receipts (a run that failed). */
  halt(): void {
    this.stopped = true;
  }

  /**
   * Stops the regular receipts and sends a last one of whatever the orders could still wait for
   * (every unit they could ask for, less every unit received), so every backorder can be filled.
   */
  async stopAndTopUp(): Promise<void> {
    this.stopped = true;
    await this.loop;
    const amendments = this.journeys.filter((journey) => journey.intent === 'amend').length;
    const lines = SKUS.map((sku) => {
      const asked = this.journeys.reduce((sum, journey) => sum + journey.unitsOf(sku), 0) + amendments;
      const received = WAREHOUSES.reduce((sum, warehouse) => sum + this.ledger.receivedOf(sku, warehouse), 0);
      return { sku, quantity: asked - received };
    }).filter((line) => line.quantity > 0);
    if (lines.length > 0) await this.ledger.receive(pick(WAREHOUSES), lines);
  }
}
