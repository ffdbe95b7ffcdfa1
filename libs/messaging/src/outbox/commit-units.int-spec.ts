import { createDatabase, requiredEnv } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { LogLevel, LogMessage } from 'typeorm';
import { AbstractLogger, Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { messagingMigrations } from '../migrations';
import { commitUnits } from './commit-units.queries';
import { UnitOfWork } from './unit-of-work';

@Entity('ledger_lines')
class LedgerLine {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('text')
  entry!: string;
}

/** Keeps every statement the data source runs, to count the inserts. */
class StatementLog extends AbstractLogger {
  readonly statements: string[] = [];

  protected writeLog(_level: LogLevel, messages: LogMessage | LogMessage[]): void {
    for (const { message } of [messages].flat()) this.statements.push(String(message));
  }
}

function approval(unit: UnitOfWork, orderId: string): void {
  const payload = { orderId, customerId: 'C-1', allowPartialShipment: false, lines: [{ lineNo: 1, sku: 'MUG', quantity: 1 }] };
  unit.publish('OrderApproved', payload, { id: orderId, version: 1 });
}

describe('rows left for commit with UnitOfWork.insertLater (real Postgres)', () => {
  const log = new StatementLog(['query']);
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = await createDatabase(requiredEnv('DATABASE_ADMIN_URL'), `commit_units_${randomUUID().slice(0, 8)}`);
    dataSource = await new DataSource({ type: 'postgres', url, entities: [LedgerLine], migrations: messagingMigrations, logger: log }).initialize();
    await dataSource.runMigrations();
    await dataSource.query(`CREATE TABLE ledger_lines (id bigserial PRIMARY KEY, entry text NOT NULL)`);
  });

  beforeEach(async () => {
    await dataSource.query(`TRUNCATE ledger_lines, outbox`);
    log.statements.length = 0;
  });

  afterAll(() => dataSource.destroy());

  const origin = { producer: 'order', correlationId: 'order-1' } as const;
  const ledgerInserts = () => log.statements.filter((statement) => /INSERT INTO "ledger_lines"/.test(statement));

  it('inserts the rows of every unit in a batch with one statement, in the order they were left, with the events', async () => {
    await dataSource.transaction(async (manager) => {
      const units = ['A', 'B', 'C'].map((name) => {
        const unit = new UnitOfWork(manager, origin);
        unit.insertLater(LedgerLine, { entry: `${name}1` }, { entry: `${name}2` });
        approval(unit, `order-${name}`);
        return unit;
      });
      expect(await manager.count(LedgerLine)).toBe(0);
      await commitUnits(manager, units);
    });

    const lines = await dataSource.getRepository(LedgerLine).find({ order: { id: 'ASC' } });
    expect(lines.map((line) => line.entry)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
    expect(ledgerInserts()).toHaveLength(1);
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM outbox`);
    expect(count).toBe(3);
  });

  it('splits a large batch into statements of a thousand rows', async () => {
    await dataSource.transaction(async (manager) => {
      const unit = new UnitOfWork(manager, origin);
      unit.insertLater(LedgerLine, ...Array.from({ length: 2500 }, (_, index) => ({ entry: `line ${index}` })));
      await commitUnits(manager, [unit]);
    });

    expect(await dataSource.getRepository(LedgerLine).count()).toBe(2500);
    expect(ledgerInserts()).toHaveLength(3);
  });

  it('keeps nothing of a transaction that fails after its rows were left', async () => {
    const failed = dataSource.transaction(async (manager) => {
      const unit = new UnitOfWork(manager, origin);
      unit.insertLater(LedgerLine, { entry: 'never' });
      approval(unit, 'order-X');
      await commitUnits(manager, [unit]);
      throw new Error('handler failed after its writes');
    });

    await expect(failed).rejects.toThrow('handler failed after its writes');
    expect(await dataSource.getRepository(LedgerLine).count()).toBe(0);
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM outbox`);
    expect(count).toBe(0);
  });
});
