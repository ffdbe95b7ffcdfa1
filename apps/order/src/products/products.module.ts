import { Global, Module } from '@nestjs/common';
import { ProductCatalogue } from '../orders/product-catalogue';
import { ProductCatalogueService } from './product-catalogue.service';
import { ProductEventsHandler } from './product-events.handler';
import { ProductProjectionService } from './product-projection.service';
import { ProductsController } from './products.controller';

/**
 * The product master as the order service knows it (products.v1): lines of an unknown, discontinued
 * or blocked sku are refused. Global, so the use cases get the kernel's ProductCatalogue without
 * importing this folder (see product-catalogue.ts).
 */
@Global()
@Module({
  controllers: [ProductEventsHandler, ProductsController],
  providers: [ProductProjectionService, ProductCatalogueService, { provide: ProductCatalogue, useExisting: ProductCatalogueService }],
  exports: [ProductCatalogue],
})
export class ProductsModule {}
