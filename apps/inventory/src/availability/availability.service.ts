import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { noteAuditTargets, TransactionRunner } from '@tradeflow/messaging';
import { randomUUID } from 'node:crypto';
import { In, MoreThanOrEqual, Repository } from 'typeorm';
import { unknownSkus } from '../products/products.queries';
import { SERVICE_NAME } from '../service-name';
import type { AvailabilityListView, AvailabilityView, SafetyStockView } from './dto/availability.dto';
import { refreshAvailability } from './availability.queries';
import { Availability, SafetyStock } from './availability.entity';

/** Reads the published figures; sets the safety stock, which republishes the sku's figure when it moves. */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly transactions: TransactionRunner,
    @InjectRepository(Availability) private readonly figures: Repository<Availability>,
  ) {}

  async get(sku: string): Promise<AvailabilityView> {
    const figure = await this.figures.findOneBy({ sku });
    if (!figure) throw new NotFoundException(`No availability known for sku ${sku}: it has never been stocked`);
    return viewOf(figure);
  }

  async ofSkus(skus: readonly string[]): Promise<AvailabilityListView> {
    const found = await this.figures.find({ where: { sku: In([...new Set(skus)]) }, order: { sku: 'ASC' } });
    const known = new Set(found.map((figure) => figure.sku));
    return { items: found.map(viewOf), unknownSkus: [...new Set(skus)].filter((sku) => !known.has(sku)) };
  }

  /** One row per sku, so "every change since" is at most the stocked skus. */
  async changedSince(since: Date): Promise<AvailabilityListView> {
    const found = await this.figures.find({ where: { changedAt: MoreThanOrEqual(since) }, order: { changedAt: 'ASC', sku: 'ASC' } });
    return { items: found.map(viewOf), unknownSkus: [] };
  }

  async setSafetyStock(sku: string, units: number): Promise<SafetyStockView> {
    const updatedAt = new Date();
    await this.transactions.run({ producer: SERVICE_NAME, correlationId: randomUUID() }, async (unit) => {
      if ((await unknownSkus(unit.manager, [sku])).size > 0) throw new NotFoundException(`sku ${sku} is not in the product master`);
      await unit.manager.upsert(SafetyStock, { sku, units, updatedAt }, ['sku']);
      await refreshAvailability(unit, [sku]);
      noteAuditTargets({ sku, units: String(units) });
    });
    return { sku, units, updatedAt: updatedAt.toISOString() };
  }
}

function viewOf(figure: Availability): AvailabilityView {
  const { sku, availableToSell, onHand, reserved, safetyStock, warehouses, sequence } = figure;
  return { sku, availableToSell, onHand, reserved, safetyStock, warehouses, sequence, changedAt: figure.changedAt.toISOString() };
}
