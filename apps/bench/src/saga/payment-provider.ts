import type { RequestCounter } from './request-counter';

interface IssuedInvoice {
  invoiceId: string;
  totalMinor: number;
  currency: string;
}

/** The payment provider: pays every n-th invoice in full as soon as it is issued, by the invoicing API. */
export class PaymentProvider {
  paid = 0;
  readonly errors: string[] = [];
  private issued = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly invoicingUrl: string,
    private readonly payEvery: number,
    private readonly requests: RequestCounter,
  ) {}

  issuedInvoice(invoice: IssuedInvoice): void {
    if (this.payEvery === 0 || this.issued++ % this.payEvery !== 0) return;
    const payment = this.pay(invoice);
    this.inFlight.add(payment);
    void payment.finally(() => this.inFlight.delete(payment));
  }

  async stop(): Promise<void> {
    await Promise.all(this.inFlight);
  }

  private async pay({ invoiceId, totalMinor, currency }: IssuedInvoice): Promise<void> {
    try {
      const response = await this.requests.fetchAs('finance', `${this.invoicingUrl}/v1/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ paymentRef: `bench-${invoiceId}`, invoiceId, amountMinor: Number(totalMinor), currency }),
      });
      if (response.ok) this.paid++;
      else this.errors.push(`payment refused: ${response.status} ${(await response.text()).slice(0, 200)}`);
    } catch (error) {
      this.errors.push(`payment failed: ${(error as Error).message}`);
    }
  }
}
