import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHAOS_CARRIER_SECRET, CHAOS_PAYMENT_PROVIDER_SECRET } from '../stack/chaos-stack';
import type { PlannedLine } from './catalogue';
import type { ChaosCredentials } from './credentials';
import { signedBy } from './credentials';
import { ADDRESS, pick, randomLines, SKUS } from './catalogue';
import type { Answer, RetryingHttp } from './retrying-http';

/** What the customer will do with the order besides buying it. */
export type Intent = 'ship' | 'cancel' | 'amend' | 'return';

export interface JourneyUrls {
  order: string;
  shipping: string;
  invoicing: string;
}

interface OrderLineView {
  lineNo: number;
  sku: string;
  ordered: number;
  cancelled: number;
  shipped: number;
  returned: number;
  credited: number;
}

interface OrderView {
  id: string;
  status: string;
  lines: OrderLineView[];
  invoices: { invoiceId: string; totalMinor: number; paidMinor: number; paid: boolean }[];
  returns: { returnId: string; status: string }[];
}

interface ShipmentView {
  id: string;
  status: string;
  trackingNumber: string | null;
  lines: { lineNo: number; quantity: number }[];
}

/** Statuses in which shipping holds shipments to dispatch or deliver. */
const SHIPPING = new Set(['RESERVED', 'PARTIALLY_RESERVED', 'PARTIALLY_SHIPPED', 'SHIPPED']);
/** The first wait for news before looking anyway, and the wait after acting; it grows while nothing is due. */
const POLL_MIN_MS = 2000;

/** Shared by all journeys: when to give up, when to look again (see OrderLoad). */
export interface JourneyPace {
  stopped(): boolean;
  maxPollMs(): number;
  /** Resolves after `ms`, or soon after news of the order, whichever is first. */
  waitForNews(orderId: string, ms: number): Promise<void>;
}

/**
 * One order's life as the outside world drives it: the shop places it (and may cancel or amend
 * it) with its channel key, the warehouse dispatches its labelled shipments, the carrier reports
 * them delivered (signed webhook), the customer pays every invoice through the payment provider
 * (signed webhook; some in two instalments) and may return a unit, which the warehouse receives.
 * Every write carries a key fixed before the first attempt, so a retry after a fault cannot do it twice.
 */
export class OrderJourney {
  orderId?: string;
  lastStatus?: string;
  done = false;
  cancelled = false;
  amended = false;
  returnRequested = 0;
  returnReceived = false;
  /** Answers the journey should not have met (a refused write), and a give-up. */
  readonly problems: string[] = [];
  /** Amount booked per invoice by this customer. */
  readonly payments = new Map<string, number>();
  private readonly lines: PlannedLine[] = randomLines();

  constructor(
    readonly intent: Intent,
    readonly customerId: string,
    readonly allowPartialShipment: boolean,
    private readonly splitPayments: boolean,
    private readonly http: RetryingHttp,
    private readonly urls: JourneyUrls,
    private readonly pace: JourneyPace,
    private readonly credentials: ChaosCredentials,
  ) {}

  async run(): Promise<void> {
    try {
      await this.place();
      if (!this.orderId) return;
      if (this.intent === 'cancel') await this.cancel();
      if (this.intent === 'amend') await this.amend();
      await this.follow(this.orderId);
    } catch (error) {
      this.problems.push(`gave up: ${(error as Error).message}`);
    }
  }

  /** Units of a sku as placed (an amendment asks for at most one more of some sku). */
  unitsOf(sku: string): number {
    return this.lines.find((line) => line.sku === sku)?.quantity ?? 0;
  }

  private get orders(): string {
    return `${this.urls.order}/v1/orders`;
  }

  private write(method: string, url: string, body: unknown, key = randomUUID()): Promise<Answer> {
    return this.http.send(method, url, body, this.credentials.shop(key));
  }

  private async place(): Promise<void> {
    const answer = await this.write('POST', this.orders, {
      customerId: this.customerId,
      currency: 'EUR',
      shippingAddress: ADDRESS,
      allowPartialShipment: this.allowPartialShipment,
      lines: this.lines,
    });
    if (answer.status === 201) this.orderId = answer.body.id as string;
    else this.refused('place', answer);
  }

  /** Soon after placing, before the warehouse touches it (this journey never dispatches a cancelled order). */
  private async cancel(): Promise<void> {
    await sleep(Math.random() * 3000);
    const answer = await this.write('POST', `${this.orders}/${this.orderId}/cancel`, { reason: 'chaos: customer changed their mind' });
    if (answer.status === 200) this.cancelled = true;
    else this.refused('cancel', answer);
  }

  /** One line up or down by one, and sometimes a new line; before anything is dispatched. */
  private async amend(): Promise<void> {
    await sleep(Math.random() * 3000);
    const first = this.lines[0];
    const changes: unknown[] = [{ lineNo: 1, quantity: first.quantity === 1 ? 2 : first.quantity - 1 }];
    const unused = SKUS.filter((sku) => !this.lines.some((line) => line.sku === sku));
    if (Math.random() < 0.5) changes.push({ sku: pick(unused), quantity: 1, unitPriceMinor: 1299, taxRateBp: 1900 });
    const answer = await this.write('PATCH', `${this.orders}/${this.orderId}`, { lines: changes });
    if (answer.status === 200) this.amended = true;
    else this.refused('amend', answer);
  }

  /**
   * Reads the order when there is news of it, or when it has been quiet for a while, and does what
   * is due. News may come before the order's own view has taken it in; the view then catches up
   * without further news, so a read that finds nothing to do still waits longer for the next one:
   * a backlog in the order service must not draw more reads from every waiting journey.
   */
  private async follow(orderId: string): Promise<void> {
    let interval = POLL_MIN_MS;
    while (!this.pace.stopped()) {
      await this.pace.waitForNews(orderId, interval);
      const answer = await this.http.get(`${this.orders}/${orderId}`, this.credentials.shop());
      if (answer.status !== 200) {
        this.refused('read', answer);
        return;
      }
      const view = answer.body as OrderView;
      this.lastStatus = view.status;
      if (this.finished(view)) {
        this.done = true;
        return;
      }
      const acted = this.intent === 'cancel' ? false : await this.act(view);
      interval = acted ? POLL_MIN_MS : Math.min(interval * 2, this.pace.maxPollMs());
    }
  }

  private finished(view: OrderView): boolean {
    if (this.intent === 'cancel') return view.status === 'CANCELLED';
    if (view.status !== 'COMPLETED') return false;
    if (this.intent !== 'return') return true;
    const credited = view.lines.reduce((sum, line) => sum + line.credited, 0);
    return this.returnReceived && credited === this.returnRequested;
  }

  private async act(view: OrderView): Promise<boolean> {
    let acted = false;
    if (SHIPPING.has(view.status)) acted = (await this.ship(view)) || acted;
    acted = (await this.pay(view)) || acted;
    if (this.intent === 'return' && view.status === 'COMPLETED') acted = (await this.returnOne(view)) || acted;
    return acted;
  }

  /**
   * The warehouse dispatches labelled shipments and the carrier delivers dispatched ones. Only
   * while shipping's plan fits the order's lines: right after an amendment shipping may still hold
   * the old plan, and no warehouse should ship what the customer no longer ordered.
   */
  private async ship(view: OrderView): Promise<boolean> {
    const warehouse = this.credentials.as('warehouse');
    const answer = await this.http.get(`${this.urls.shipping}/v1/shipments?orderId=${this.orderId}`, warehouse);
    const live = (answer.body as ShipmentView[]).filter((shipment) => shipment.status !== 'CANCELLED');
    const planned = new Map<number, number>();
    for (const shipment of live) for (const line of shipment.lines) planned.set(line.lineNo, (planned.get(line.lineNo) ?? 0) + line.quantity);
    const fits = view.lines.every((line) => (planned.get(line.lineNo) ?? 0) <= line.ordered - line.cancelled);
    let acted = false;
    for (const shipment of live) {
      const base = `${this.urls.shipping}/v1/shipments/${shipment.id}`;
      if (shipment.status === 'LABELLED' && fits) acted = this.expect('dispatch', await this.http.send('POST', `${base}/dispatch`, undefined, warehouse), [200, 409]);
      else if (shipment.status === 'LABEL_FAILED') acted = this.expect('retry-label', await this.http.send('POST', `${base}/retry-label`, undefined, warehouse), [200, 409]);
      else if (shipment.status === 'DISPATCHED') {
        const event = { trackingNumber: shipment.trackingNumber, status: 'DELIVERED' };
        const delivered = await this.http.send('POST', `${this.urls.shipping}/v1/carrier/events`, event, signedBy(CHAOS_CARRIER_SECRET, event));
        acted = this.expect('deliver', delivered, [200, 201, 202]);
      }
    }
    return acted;
  }

  /** Each invoice in full, or in two instalments; paymentRef fixed per instalment. */
  private async pay(view: OrderView): Promise<boolean> {
    let acted = false;
    for (const invoice of view.invoices) {
      const booked = this.payments.get(invoice.invoiceId) ?? 0;
      if (booked >= invoice.totalMinor) continue;
      const amountMinor = this.splitPayments && booked === 0 ? Math.floor(invoice.totalMinor / 2) : invoice.totalMinor - booked;
      const paymentRef = `${invoice.invoiceId}:${booked === 0 ? 1 : 2}`;
      const payment = { paymentRef, invoiceId: invoice.invoiceId, amountMinor, currency: 'EUR' };
      const answer = await this.http.send('POST', `${this.urls.invoicing}/v1/payments/webhooks/provider`, payment, signedBy(CHAOS_PAYMENT_PROVIDER_SECRET, payment));
      if (this.expect('pay', answer, [200, 201])) this.payments.set(invoice.invoiceId, booked + amountMinor);
      acted = true;
    }
    return acted;
  }

  /** One unit of the first shipped line comes back: requested from the order, received by shipping. */
  private async returnOne(view: OrderView): Promise<boolean> {
    if (this.returnRequested === 0) {
      const line = view.lines.find((candidate) => candidate.shipped > 0);
      if (!line) return false;
      const answer = await this.write('POST', `${this.orders}/${this.orderId}/returns`, { lines: [{ lineNo: line.lineNo, quantity: 1 }] });
      if (this.expect('return', answer, [201])) this.returnRequested = 1;
      return true;
    }
    const returnId = view.returns[0]?.returnId;
    if (this.returnReceived || !returnId) return false;
    const url = `${this.urls.shipping}/v1/returns/${encodeURIComponent(returnId)}`;
    const warehouse = this.credentials.as('warehouse');
    const answer = await this.http.send('POST', `${url}/receive`, undefined, warehouse);
    // 404: shipping has not seen ReturnRequested yet. 409 after a retry: the first attempt got through.
    if (answer.status === 404) return false;
    if (answer.status === 409 && (await this.http.get(url, warehouse)).body?.status === 'RECEIVED') this.returnReceived = true;
    else this.returnReceived = this.expect('receive-return', answer, [200]);
    return true;
  }

  private expect(what: string, answer: Answer, statuses: number[]): boolean {
    if (statuses.includes(answer.status)) return true;
    this.refused(what, answer);
    return false;
  }

  private refused(what: string, answer: Answer): void {
    this.problems.push(`${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
  }
}
