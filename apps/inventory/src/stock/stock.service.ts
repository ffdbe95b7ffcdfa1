import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TransactionRunner } from '@tradeflow/messaging';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { In, Repository } from 'typeorm';
import { refreshAvailability } from '../availability/availability.queries';
import { SERVICE_NAME } from '../service-name';
import type { StockPageView } from './dto/stock-page.dto';
import type { StockView } from './dto/stock-view.dto';
import { StockLevel } from './stock-level.entity';

export interface SeedStockLevel {
  sku: string;
  warehouse: string;
  onHand: number;
  reorderPoint?: number;
}

@Injectable()
export class StockService {
  constructor(
    private readonly transactions: TransactionRunner,
    @InjectRepository(StockLevel) private readonly levels: Repository<StockLevel>,
  ) {}

  async getStock(sku: string): Promise<StockView> {
    const levels = await this.levels.find({ where: { sku }, order: { warehouse: 'ASC' } });
    if (levels.length === 0) throw new NotFoundException(`No stock known for sku ${sku}`);
    return toStockView(sku, levels);
  }

  /** Every stocked sku in sku order, a page at a time (for reconciliation and reports). */
  async listStock(afterSku: string | undefined, limit: number): Promise<StockPageView> {
    const rows: { sku: string }[] = await this.levels.query(
      `SELECT DISTINCT sku FROM stock_levels WHERE $1::text IS NULL OR sku > $1 ORDER BY sku LIMIT $2`,
      [afterSku ?? null, limit + 1],
    );
    const skus = rows.slice(0, limit).map((row) => row.sku);
    const levels = skus.length === 0 ? [] : await this.levels.find({ where: { sku: In(skus) }, order: { warehouse: 'ASC' } });
    return {
      items: skus.map((sku) => toStockView(sku, levels.filter((level) => level.sku === sku))),
      nextAfterSku: rows.length > limit ? skus[skus.length - 1] : null,
    };
  }

  /** First start only: loads the sample stock file when the stock table is still empty, and publishes its availability. */
  async seedFromFile(path: string): Promise<number> {
    if ((await this.levels.count()) > 0) return 0;
    const levels = JSON.parse(await readFile(path, 'utf8')) as SeedStockLevel[];
    await this.transactions.run({ producer: SERVICE_NAME, correlationId: randomUUID() }, async (unit) => {
      await unit.manager.insert(StockLevel, levels.map((level) => ({ ...level, reserved: 0, reorderPoint: level.reorderPoint ?? 0 })));
      await refreshAvailability(unit, levels.map((level) => level.sku));
    });
    return levels.length;
  }
}

function toStockView(sku: string, levels: readonly StockLevel[]): StockView {
  const warehouses = levels.map((level) => ({
    warehouse: level.warehouse,
    onHand: level.onHand,
    reserved: level.reserved,
    available: level.available,
    reorderPoint: level.reorderPoint,
  }));
  const sum = (pick: (entry: (typeof warehouses)[number]) => number) => warehouses.reduce((total, entry) => total + pick(entry), 0);
  return {
    sku,
    onHand: sum((entry) => entry.onHand),
    reserved: sum((entry) => entry.reserved),
    available: sum((entry) => entry.available),
    warehouses,
  };
}
