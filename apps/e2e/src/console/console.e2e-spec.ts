import { TOPICS } from '@tradeflow/events';
import { eventually, TestKafka } from '@tradeflow/testing';
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { callAs, TradeflowClient } from '../fulfilment/tradeflow-client';
import type { ConsoleStack } from './console-stack';
import { startConsoleStack } from './console-stack';
import { horizontalOverflow, launchChromium, logIn, PHONE, screenshot, SCREENSHOTS, seriousAccessibilityViolations } from './console-browser';

/**
 * Issue 20, the ops console in a real Chromium against the real services: people log in through the
 * OpenID provider's page, find an order, follow it across services, fix what is stuck and handle dead
 * letters — and see only what their roles allow, which the services enforce anyway.
 */
describe('ops console', () => {
  let stack: ConsoleStack;
  let tradeflow: TradeflowClient;
  let browser: Browser;
  let orderId: string;
  const customerId = `CUST-C${randomUUID().slice(0, 6).toUpperCase()}`;
  const sku = `MUG-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // Every label fails until shipping is restarted without failures: the order stops at RESERVED.
    stack = await startConsoleStack({ shipping: { LOCAL_CARRIER_FAILURE_RATE: '1', LABEL_MAX_ATTEMPTS: '2' } });
    tradeflow = new TradeflowClient(stack.slice);
    await tradeflow.registerCustomer(customerId, { name: 'Console Test GmbH' });
    await tradeflow.loadProducts(sku);
    await tradeflow.receiveStock('BER', [{ sku, quantity: 10 }]);
    orderId = await tradeflow.placeOrder([{ sku, quantity: 2 }], { customerId });
    await tradeflow.waitForShipments(orderId, 1, 'LABEL_FAILED');
    // A record no service can decode, keyed by the order: a dead letter in every service that reads orders.
    const kafka = new TestKafka(stack.slice.prefix);
    await kafka.publishRaw(TOPICS.orders.name, Buffer.from('not an avro record'), orderId);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  it('finds an order by customer and follows it across the services: lines, shipments, one timeline and its trace', async () => {
    const page = await logIn(browser, stack.consoleUrl, 'ops');
    await page.getByLabel('Customer').fill(customerId);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: orderId.slice(0, 8) }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'console-orders');

    await page.getByRole('link', { name: orderId.slice(0, 8) }).click();
    await page.getByRole('heading', { name: `Order ${orderId}` }).waitFor();
    const shipments = page.getByRole('region', { name: 'Shipments' });
    await shipments.getByText('LABEL_FAILED').waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline across services' });
    await timeline.getByText('OrderPlaced').waitFor();
    await timeline.getByText('StockReserved').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'console-order');

    await page.getByRole('link', { name: 'Trace of this order' }).click();
    // Spans are exported in batches: the page is opened again until they are in.
    await eventually(
      async () => {
        await page.reload();
        await page.getByRole('heading', { name: /Trace of order/ }).waitFor();
        return page.locator('.waterfall li').count();
      },
      (rows) => rows > 3,
      { timeoutMs: 30_000, intervalMs: 1000 },
    );
    const waterfall = page.locator('.waterfall').first();
    expect(await waterfall.textContent()).toMatch(/order.*inventory|inventory.*order/s);
    await expectAccessible(page);
    await screenshot(page, 'console-trace');
    await page.context().close();
  }, 120_000);

  it('lists the order stuck on its failed label with the reason, and fixes it from the page', async () => {
    // The carrier works again; the label stays failed until someone asks for it again.
    await stack.restart('shipping', { LOCAL_CARRIER_FAILURE_RATE: '0' });
    const page = await logIn(browser, stack.consoleUrl, 'ops');
    await page.getByRole('link', { name: 'Stuck orders' }).click();
    const stuck = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: orderId.slice(0, 8) }) });
    await stuck.waitFor();
    expect(await stuck.textContent()).toMatch(/label/i);
    await expectAccessible(page);
    await screenshot(page, 'console-stuck');

    await stuck.getByLabel('Reason for retry label').fill('carrier is back');
    await stuck.getByRole('button', { name: 'Retry label' }).click();
    const outcome = page.locator('.outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toMatch(/label of shipment .* asked for again/);
    await tradeflow.waitForShipments(orderId, 1, 'LABELLED');
    await eventually(
      async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return page.getByRole('link', { name: orderId.slice(0, 8) }).count();
      },
      (count) => count === 0,
    );
    await page.context().close();
  }, 120_000);

  it('lets ops replay a dead letter with a justification, shows the outcome and the audit entry', async () => {
    const page = await logIn(browser, stack.consoleUrl, 'ops');
    await page.getByRole('link', { name: 'Dead letters' }).click();
    const shippingLetter = page.getByRole('checkbox', { name: /of shipping$/ });
    await shippingLetter.waitFor();
    await expect(page.getByRole('row').filter({ hasText: 'shipping' }).getByRole('link', { name: orderId.slice(0, 8) }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'console-dead-letters');

    await shippingLetter.check();
    await page.getByLabel(/Justification for replaying the 1 selected/).fill('decoder fixed, try again');
    await page.getByRole('button', { name: 'Replay selected' }).click();
    await page.getByRole('status').filter({ hasText: 'shipping: replayed 1' }).waitFor();
    const audit = page.getByRole('region', { name: 'Recent actions (audit)' });
    await audit.getByText('replay-dead-letters by ops on shipping').waitFor();
    expect(await audit.textContent()).toContain('decoder fixed, try again');
    await page.context().close();
  }, 120_000);

  it('hides what a role may not do, and the console and the services refuse it anyway', async () => {
    const page = await logIn(browser, stack.consoleUrl, 'auditor');
    await page.getByRole('link', { name: 'Dead letters' }).click();
    await page.getByRole('table', { name: 'Dead letters' }).waitFor();
    expect(await page.getByRole('checkbox', { name: /^Select / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Replay/ }).count()).toBe(0);

    const attempt = (withCsrf: boolean) =>
      page.evaluate(async (sendCsrf) => {
        const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
        const response = await fetch('/api/dead-letters/replay', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(sendCsrf ? { 'x-csrf-token': me.csrfToken } : {}) },
          body: JSON.stringify({ service: 'shipping', all: true, justification: 'trying' }),
        });
        return { status: response.status, body: await response.json() };
      }, withCsrf);
    expect(await attempt(false)).toMatchObject({ status: 403, body: { message: 'x-csrf-token header missing or wrong' } });
    expect(await attempt(true)).toMatchObject({ status: 403, body: { message: 'needs one of the roles ops' } });
    const direct = await callAs('auditor', 'POST', `${stack.slice.shipping.url}/v1/dead-letters/replay`, { all: true, justification: 'trying' });
    expect(direct.status).toBe(403);
    await screenshot(page, 'console-dead-letters-auditor');
    await page.getByRole('link', { name: 'Flow health' }).click();
    await page.getByRole('region', { name: 'shipping' }).getByText('Outbox backlog').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'console-flow-health');
    await page.context().close();
  }, 120_000);

  it('is usable at phone width: no sideways scrolling, nothing serious for axe', async () => {
    const page = await logIn(browser, stack.consoleUrl, 'ops', PHONE);
    await page.goto(`${stack.consoleUrl}/orders/${orderId}`);
    await page.getByRole('heading', { name: `Order ${orderId}` }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await screenshot(page, 'console-order-phone');
    await page.goto(`${stack.consoleUrl}/flow`);
    await page.getByRole('region', { name: 'shipping' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  }, 120_000);

  it("shows finance invoicing's revenue report for a period, and invoicing's reason for a bad one", async () => {
    const page = await logIn(browser, stack.consoleUrl, 'finance');
    const today = new Date().toISOString().slice(0, 10);
    await page.goto(`${stack.consoleUrl}/revenue?from=${today.slice(0, 8)}01&to=${today}&groupBy=customer`);
    await page.getByRole('heading', { name: 'Revenue' }).waitFor();
    // The stack's only order never ships (every label fails), so nothing is invoiced yet this month.
    await page.getByText('Nothing invoiced, credited or paid in this period.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'console-revenue');
    await page.setViewportSize(PHONE);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'console-revenue-phone');
    await page.goto(`${stack.consoleUrl}/revenue?from=${today}&to=2000-01-01&groupBy=day`);
    await page.getByText(/to .*before/i).waitFor();
    await page.context().close();
  }, 120_000);
});
