import { defaultStateDir, loadProducts, productOf } from '@tradeflow/testing';
import { join } from 'node:path';
import type { ChaosProfile } from './chaos-profile';
import { checkEffects } from './checks/effect-checks';
import type { DrainResult } from './checks/drain';
import { waitForDrain } from './checks/drain';
import { runReconcile } from './checks/run-reconcile';
import { readSnapshot } from './checks/system-snapshot';
import { injectFaults } from './faults/fault-scheduler';
import { SKUS } from './load/catalogue';
import { ChaosCredentials } from './load/credentials';
import { registerCustomers } from './load/crm-customers';
import { OrderLoad, Replenisher } from './load/order-load';
import { OrderNews } from './load/order-news';
import { RetryingHttp } from './load/retrying-http';
import { StockLedger } from './load/stock-ledger';
import type { ChaosResult } from './report/chaos-result';
import { tallyResult } from './report/chaos-result';
import { startChaosInfrastructure } from './stack/chaos-infrastructure';
import { startChaosStack, stopChaosStack } from './stack/chaos-stack';

/**
 * The whole run: own Kafka and Postgres, the five services as processes, customers, products and stock,
 * then orders under a steady load while faults are injected; then the drain and every check.
 */
export async function runChaos(profile: ChaosProfile, log: (line: string) => void): Promise<ChaosResult> {
  const startedAt = Date.now();
  log(`profile ${profile.name}: ${profile.loadSeconds} s at ${profile.ordersPerSecond} orders/s`);
  const infrastructure = await startChaosInfrastructure();
  const logDir = join(defaultStateDir(), 'chaos', `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  try {
    log(`infrastructure up; starting the services (logs in ${logDir})`);
    const stack = await startChaosStack(infrastructure, logDir);
    let givenUp = false;
    const http = new RetryingHttp(() => givenUp);
    const credentials = new ChaosCredentials(infrastructure.oidcIssuerUrl);
    const ledger = new StockLedger(http, stack.inventory.url, credentials);
    const news = new OrderNews(infrastructure.kafkaBrokers);
    const urls = { order: stack.order.url, shipping: stack.shipping.url, invoicing: stack.invoicing.url };
    const load = new OrderLoad(news, http, urls, profile.customers, credentials);
    const replenisher = new Replenisher(ledger, profile.ordersPerSecond, load.journeys);
    try {
      await news.start();
      await registerCustomers(http, credentials, { crmSync: stack['crm-sync'].url, order: stack.order.url }, profile.customers);
      // Orders and receipts for a sku the product master does not hold are refused (422).
      await loadProducts(SKUS.map((sku) => productOf(sku)), { inventory: stack.inventory.url, order: stack.order.url }, { issuerUrl: infrastructure.oidcIssuerUrl });
      await replenisher.stockUp();
      replenisher.start();
      log('services ready, customers and products known, stock received: load and faults start');

      // A long run says every minute how far it got, so a falling-behind stack shows before the drain.
      const progress = setInterval(
        () => log(`${load.journeys.length} orders placed, ${load.unfinished().length} on their way (order news consumer crashed ${news.crashes} times)`),
        60_000,
      );
      const [, faults] = await Promise.all([load.run(profile.ordersPerSecond, profile.loadSeconds), injectFaults(profile, stack, infrastructure, log)]).finally(
        () => clearInterval(progress),
      );
      await replenisher.stopAndTopUp();
      log(`load over: ${load.journeys.length} orders; ${load.unfinished().length} still on their way; draining`);

      const drain: DrainResult = await waitForDrain(stack, infrastructure, load, http, credentials, profile.drainTimeoutSeconds * 1000, log);
      givenUp = true;
      await load.giveUp();
      log(drain.drained ? `drained ${((drain.drainedAt - faults.lastFaultEndedAt) / 1000).toFixed(1)} s after the last fault` : 'NOT drained in time');

      const withReturns = load.journeys.flatMap((journey) => (journey.returnRequested > 0 && journey.orderId ? [journey.orderId] : []));
      const snapshot = await readSnapshot(new RetryingHttp(), credentials, stack, withReturns);
      const findings = checkEffects(load.journeys, snapshot, ledger);
      log('running reconcile');
      const reconcile = await runReconcile(stack, infrastructure.oidcIssuerUrl);
      return tallyResult({ profile, startedAt, logDir, load, faults, drain, snapshot, findings, reconcile, http, stack, ledger, replenisher });
    } finally {
      givenUp = true;
      replenisher.halt();
      await news.stop();
      await stopChaosStack(stack);
    }
  } finally {
    await infrastructure.stop();
  }
}
