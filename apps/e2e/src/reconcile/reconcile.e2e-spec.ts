import { createEvent } from '@tradeflow/events';
import { eventually, freePorts, TestKafka } from '@tradeflow/testing';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { callAs, TradeflowClient } from '../fulfilment/tradeflow-client';
import type { Slice } from '../slice';
import { startSlice } from '../slice';

const ROOT = join(__dirname, '../../../..');

/**
 * `npm run reconcile` as a process against the slice's five services, with its exit code and output.
 * It reads them with a token of the development 'admin' client, its default when OIDC_ISSUER_URL
 * (inherited) names the development provider.
 */
async function reconcile(slice: Slice, ...extra: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const urls = (['order', 'inventory', 'invoicing', 'shipping', 'crm-sync'] as const).flatMap((service) => [`--${service}-url`, slice[service].url]);
  const child = spawn(
    process.execPath,
    ['--require', '@swc-node/register', join(ROOT, 'apps/reconcile/src/main.ts'), ...urls, ...extra],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}

/** ISSUE 4 acceptance 7: reconcile is clean after a whole flow, and names a row corrupted on purpose; issue 19: and effects of a forged event. */
describe('npm run reconcile over the running services', () => {
  let slice: Slice;
  let tradeflow: TradeflowClient;
  const mug = `MUG-${randomUUID().slice(0, 8)}`;
  const tea = `TEA-${randomUUID().slice(0, 8)}`;
  const forgedSku = `FRG-${randomUUID().slice(0, 8)}`;
  let delivered: string;

  beforeAll(async () => {
    slice = await startSlice();
    tradeflow = new TradeflowClient(slice);
    await tradeflow.registerCustomer('CUST-1');
    await tradeflow.loadProducts(mug, tea, forgedSku);
  });
  afterAll(() => slice?.stop());

  it('exits 0 after orders were shipped, invoiced, paid, returned and cancelled', async () => {
    await tradeflow.receiveStock('BER', [
      { sku: mug, quantity: 5 },
      { sku: tea, quantity: 5 },
    ]);
    delivered = await tradeflow.placeOrder([
      { sku: mug, quantity: 2, unitPriceMinor: 1299, taxRateBp: 1900 },
      { sku: tea, quantity: 1, unitPriceMinor: 4550, taxRateBp: 700 },
    ]);
    await tradeflow.shipEverything(delivered, 1);
    const [invoice] = await tradeflow.waitForInvoices(delivered, 1);
    expect((await tradeflow.pay(invoice.id, invoice.totalMinor)).status).toBe(201);
    await tradeflow.waitForOrder(delivered, 'COMPLETED');
    const requested = await tradeflow.requestReturn(delivered, [{ lineNo: 1, quantity: 1 }]);
    expect(requested.status).toBe(201);
    await eventually(
      () => tradeflow.receiveReturn(requested.body.returnId),
      (response) => response.status === 200,
    );
    await eventually(
      () => tradeflow.creditNotes(delivered),
      (notes) => notes.length === 1,
    );

    const cancelled = await tradeflow.placeOrder([{ sku: mug, quantity: 1 }]);
    await tradeflow.waitForShipments(cancelled, 1, 'LABELLED');
    expect((await tradeflow.cancel(cancelled)).status).toBe(200);
    await tradeflow.waitForOrder(cancelled, 'CANCELLED');

    const clean = await reconcile(slice, '--settle', '30');
    expect(clean).toMatchObject({ code: 0, stdout: expect.stringMatching(/^reconcile: checked 2 orders \(3 lines\), 1 invoices, 1 credit notes, 2 shipments, 2 skus .*: no mismatches\n$/) });
  });

  it('exits 1 and names the invoice line changed behind its totals in the invoicing database', async () => {
    const database = new Client({ connectionString: slice.databaseUrls.invoicing });
    await database.connect();
    try {
      const changed = await database.query(
        `UPDATE invoice_lines SET quantity = quantity + 1 WHERE line_no = 1 AND invoice_id = (SELECT id FROM invoices WHERE order_id = $1)`,
        [delivered],
      );
      expect(changed.rowCount).toBe(1);
    } finally {
      await database.end();
    }

    const corrupted = await reconcile(slice, '--settle', '0');
    expect(corrupted.code).toBe(1);
    expect(corrupted.stdout.trim().split('\n')).toEqual([
      `MISMATCH invoiced=shipped order=${delivered} line=1 sku=${mug}: invoices hold 3, the order shipped 2`,
      `MISMATCH document-line-amounts order=${delivered} line=1 sku=${mug} invoice=INV-000001: net 2598 ≠ quantity 3 × unit price 1299`,
      expect.stringMatching(/: 2 mismatches$/),
    ]);
  });

  it('exits 2 when a service cannot be read', async () => {
    const [nobody] = await freePorts(1);
    const unreachable = await reconcile(slice, '--inventory-url', `http://127.0.0.1:${nobody}`);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain(`reconcile: cannot read inventory: unreachable at http://127.0.0.1:${nobody}/v1/`);
    const refused = await reconcile(slice, '--token', 'not-a-token');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('reconcile: cannot read order: refused the token');
  });

  it('names the reservation a forged OrderApproved made for an order that never existed, until ops releases it', async () => {
    await tradeflow.receiveStock('BER', [{ sku: forgedSku, quantity: 5 }]);
    // What kcat can do where the broker's ACLs do not stop it: an approval the order service never made.
    const orderId = randomUUID();
    const forged = createEvent(
      'OrderApproved',
      { orderId, customerId: 'CUST-1', allowPartialShipment: true, lines: [{ lineNo: 1, sku: forgedSku, quantity: 3 }] },
      { producer: 'order', aggregateId: orderId, aggregateVersion: 1, correlationId: orderId },
    );
    await new TestKafka(slice.prefix).publish([forged], () => orderId);
    await eventually(
      () => tradeflow.stock(forgedSku),
      (stock) => stock?.reserved === 3,
    );

    const found = await reconcile(slice, '--settle', '0');
    expect(found.code).toBe(1);
    expect(found.stdout.split('\n')).toContain(
      `MISMATCH orphan-effect order=${orderId}: inventory holds 3 reserved and 0 backordered for an order the order service does not know; ` +
        `release the reservations with POST /v1/reservations/${orderId}/release (role ops, with a reason)`,
    );

    const release = `${slice.inventory.url}/v1/reservations/${orderId}/release`;
    expect((await callAs('ops', 'POST', release, {})).status).toBe(400);
    expect((await callAs('ops', 'POST', release, { reason: 'reconcile: the order service has no such order' })).status).toBe(200);
    await eventually(
      () => tradeflow.stock(forgedSku),
      (stock) => stock?.reserved === 0,
    );
    // The stock is free again: the reservation line is gone (anything shipping planned for it has lines of its own).
    const released = await reconcile(slice, '--settle', '0');
    expect(released.stdout.split('\n').filter((line) => line.includes(`order=${orderId}:`))).toEqual([]);
  });
});
