import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { UnitOfWork } from '@tradeflow/messaging';
import { noteAuditTargets, TransactionRunner } from '@tradeflow/messaging';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { refreshAvailability } from '../availability/availability.queries';
import { SERVICE_NAME } from '../service-name';
import type { ProductLoadReportView, ProductPageView, ProductView } from './dto/product.dto';
import { Product } from './product.entity';
import type { LoadReport, LoadRow, ProductChange, ProductRecord } from './product-rules';
import { planLoad, skusOf, validateProduct } from './product-rules';
import { lockProducts, upsertProducts } from './products.queries';

/**
 * The product master's one write path: the bulk PUT, the single PUT and the CSV import all load rows
 * here. A load is one transaction: the good rows are stored and their events written to the outbox
 * together, whatever else the load held; its cost does not grow in statements with its rows.
 */
@Injectable()
export class ProductsService {
  constructor(
    private readonly transactions: TransactionRunner,
    @InjectRepository(Product) private readonly products: Repository<Product>,
  ) {}

  /** `rejected`: rows refused before they became records (a CSV line that does not fit its header). */
  load(rows: readonly LoadRow[], rejected: LoadReport['rejected'] = []): Promise<ProductLoadReportView> {
    const correlationId = randomUUID();
    return this.transactions.run({ producer: SERVICE_NAME, correlationId }, async (unit) => {
      const stored = await lockProducts(unit.manager, skusOf(rows));
      const { report, changes, writes } = planLoad(rows, new Map([...stored].map(([sku, product]) => [sku, recordOf(product)])));
      const updatedAt = new Date();
      const revisions = new Map([...stored].map(([sku, product]) => [sku, product.revision]));
      for (const change of changes) {
        const revision = (revisions.get(change.record.sku) ?? 0) + 1;
        revisions.set(change.record.sku, revision);
        publishChange(unit, change, revision, updatedAt);
      }
      await upsertProducts(
        unit.manager,
        writes.map((record) => ({ ...record, revision: revisions.get(record.sku) ?? 1 })),
        updatedAt,
      );
      // A product's excluded warehouses count in what the channels may sell.
      await refreshAvailability(unit, writes.map((record) => record.sku));
      report.rejected = [...report.rejected, ...rejected].sort((a, b) => a.row - b.row);
      // The load is what was acted on: its correlation id finds its events too.
      noteAuditTargets({
        load: correlationId,
        rows: String(rows.length + rejected.length),
        applied: String(report.applied.length),
        unchanged: String(report.unchanged.length),
        stale: String(report.stale.length),
        rejected: String(report.rejected.length),
      });
      return report;
    });
  }

  /** One product by sku (PUT /v1/products/{sku}): 422 naming the fields, 409 for an older or clashing version. */
  async put(sku: string, body: unknown): Promise<ProductView> {
    const input = typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, sku } : body;
    if (typeof body === 'object' && body !== null && 'sku' in body && body.sku !== sku) {
      const errors = [{ field: 'sku', message: `must match the path: ${String(body.sku)} is not ${sku}` }];
      throw new UnprocessableEntityException({ statusCode: 422, message: describe(errors), errors });
    }
    const checked = validateProduct(input);
    if (!checked.valid) {
      throw new UnprocessableEntityException({ statusCode: 422, message: describe(checked.errors), errors: checked.errors });
    }
    const report = await this.load([{ row: 1, input }]);
    const [stale] = report.stale;
    if (stale) throw new ConflictException(`version ${stale.version} of ${sku} is older than the stored version ${stale.currentVersion}`);
    const [clash] = report.rejected;
    if (clash) throw new ConflictException(describe(clash.errors));
    return this.get(sku);
  }

  async get(sku: string): Promise<ProductView> {
    const product = await this.products.findOneBy({ sku });
    if (!product) throw new NotFoundException(`sku ${sku} is not in the product master`);
    return viewOf(product);
  }

  /** Products in sku order, one status or all, a page at a time. */
  async list(status: string | undefined, after: string | undefined, limit: number): Promise<ProductPageView> {
    const select = this.products.createQueryBuilder('product');
    if (status) select.andWhere('product.status = :status', { status });
    if (after) select.andWhere('product.sku > :after', { after });
    const found = await select.orderBy('product.sku', 'ASC').take(limit + 1).getMany();
    const items = found.slice(0, limit).map(viewOf);
    return { items, nextAfter: found.length > limit ? items[items.length - 1].sku : null };
  }
}

function publishChange(unit: UnitOfWork, change: ProductChange, revision: number, updatedAt: Date): void {
  const { reason, ...record } = change.record;
  const payload = { ...record, updatedAt: updatedAt.getTime() };
  const aggregate = { id: record.sku, version: revision };
  if (change.event === 'ProductDiscontinued') unit.publish('ProductDiscontinued', { ...payload, reason: reason as string }, aggregate);
  else unit.publish('ProductUpserted', payload, aggregate);
}

function recordOf(product: Product): ProductRecord {
  const { sku, version, name, description, status, unitOfMeasure, weightGrams, lengthMm, widthMm, heightMm, taxClass, gtins, excludedWarehouses, reason } =
    product;
  return { sku, version, name, description, status, unitOfMeasure, weightGrams, lengthMm, widthMm, heightMm, taxClass, gtins, excludedWarehouses, reason };
}

function viewOf(product: Product): ProductView {
  return { ...recordOf(product), updatedAt: product.updatedAt.toISOString() };
}

function describe(errors: readonly { field: string; message: string }[]): string {
  return errors.map((error) => `${error.field} ${error.message}`).join('; ');
}
