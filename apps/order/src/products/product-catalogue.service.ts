import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { OrderRuleViolation } from '../orders/order-rule-violation';
import type { SkuLine } from '../orders/product-catalogue';
import { ProductCatalogue } from '../orders/product-catalogue';
import type { ProductView } from './dto/product-view.dto';
import { refusalMessage, refusedLines } from './orderable-lines';
import { Product } from './product.entity';

@Injectable()
export class ProductCatalogueService extends ProductCatalogue {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async assertOrderable(manager: EntityManager, lines: readonly SkuLine[]): Promise<void> {
    if (lines.length === 0) return;
    const products = await manager.findBy(Product, { sku: In([...new Set(lines.map((line) => line.sku))]) });
    const refused = refusedLines(lines, new Map(products.map((product) => [product.sku, product.status])));
    if (refused.length > 0) throw new OrderRuleViolation('invalid', refusalMessage(refused), { lines: refused });
  }

  async view(sku: string): Promise<ProductView> {
    const product = await this.dataSource.manager.findOneBy(Product, { sku });
    if (!product) throw new NotFoundException(`Product ${sku} is not known to the order service`);
    return { sku: product.sku, name: product.name, status: product.status, version: product.version };
  }
}
