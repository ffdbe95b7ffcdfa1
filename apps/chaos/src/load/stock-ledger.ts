import type { ChaosCredentials } from './credentials';
import type { RetryingHttp } from './retrying-http';
import { receiptId } from './catalogue';

/** Every receipt inventory booked, as the warehouse counts it: what on hand must add up to. */
export class StockLedger {
  private readonly received = new Map<string, number>();
  receipts = 0;

  constructor(
    private readonly http: RetryingHttp,
    private readonly inventoryUrl: string,
    private readonly credentials: ChaosCredentials,
  ) {}

  /** One receipt, booked by the warehouse; sent again with the same receiptId until inventory answers. */
  async receive(warehouse: string, lines: { sku: string; quantity: number }[]): Promise<void> {
    const receipt = { receiptId: receiptId(), warehouse, lines };
    const answer = await this.http.send('POST', `${this.inventoryUrl}/v1/stock/receipts`, receipt, this.credentials.as('warehouse'));
    if (answer.status !== 201) throw new Error(`stock receipt refused: ${answer.status} ${JSON.stringify(answer.body)}`);
    this.receipts++;
    for (const { sku, quantity } of lines) this.received.set(key(sku, warehouse), (this.received.get(key(sku, warehouse)) ?? 0) + quantity);
  }

  receivedOf(sku: string, warehouse: string): number {
    return this.received.get(key(sku, warehouse)) ?? 0;
  }
}

const key = (sku: string, warehouse: string) => `${sku}@${warehouse}`;
