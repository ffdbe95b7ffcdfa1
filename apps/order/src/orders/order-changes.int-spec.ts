import { TransactionRunner } from '@tradeflow/messaging';
import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OrderUnderTest } from '../testing/order-under-test';
import { OrderChangesService } from './order-changes.service';

describe('concurrent changes of one order (real Postgres)', () => {
  let order: OrderUnderTest;

  beforeAll(async () => {
    order = await new OrderUnderTest().start();
  });
  afterAll(() => order?.stop());

  it('a change that waited for another one to commit builds on it instead of undoing it', async () => {
    const placed = await order.place(`WALK-IN-${randomUUID().slice(0, 8)}`, [{ sku: 'MUG', quantity: 2 }]);
    const { app } = order.service;
    const changes = app.get(OrderChangesService);
    const transactions = app.get(TransactionRunner);
    const dataSource = app.get(DataSource);
    const origin = { producer: 'order' as const, correlationId: placed.id };

    let commitFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstHoldsLock!: () => void;
    const firstLocked = new Promise<void>((resolve) => (firstHoldsLock = resolve));
    const first = transactions.run(origin, (unit) =>
      changes.updateLines(unit, placed.id, { event: 'ShipmentDispatched', detail: 'test' }, (lines) => {
        firstHoldsLock();
        return lines.map((line) => ({ lineNo: line.lineNo, shipped: 2 }));
      }).then(() => firstMayCommit),
    );
    await firstLocked;
    const second = transactions.run(origin, (unit) =>
      changes.updateLines(unit, placed.id, { event: 'InvoiceIssued', detail: 'test' }, (lines) =>
        lines.map((line) => ({ lineNo: line.lineNo, invoiced: 2 })),
      ),
    );
    // The second change is queued behind the first one's row lock before the first commits.
    await eventually(
      async () => (await dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`))[0].n,
      (waiting: number) => waiting === 1,
    );
    commitFirst();
    await Promise.all([first, second]);

    const view = await order.get(placed.id);
    expect(view.lines[0]).toMatchObject({ shipped: 2, invoiced: 2 });
    expect(view.timeline.map((entry: { event: string }) => entry.event).slice(-2)).toEqual(['ShipmentDispatched', 'InvoiceIssued']);
  });
});
