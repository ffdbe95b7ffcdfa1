import type { DynamicModule, MiddlewareConsumer, NestModule } from '@nestjs/common';
import { Inject, Module, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { text } from 'express';
import { Product } from './product.entity';
import { ProductsController } from './products.controller';
import { ProductsService } from './products.service';

const BODY_LIMIT_BYTES = Symbol('BODY_LIMIT_BYTES');

@Module({})
export class ProductsModule implements NestModule {
  static register(settings: { HTTP_BODY_LIMIT_BYTES: number }): DynamicModule {
    return {
      module: ProductsModule,
      imports: [TypeOrmModule.forFeature([Product])],
      controllers: [ProductsController],
      providers: [ProductsService, { provide: BODY_LIMIT_BYTES, useValue: settings.HTTP_BODY_LIMIT_BYTES }],
    };
  }

  constructor(@Inject(BODY_LIMIT_BYTES) private readonly bodyLimitBytes: number) {}

  /** Every other route takes JSON (or forms) only: the text parser serves the CSV import alone. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(text({ type: 'text/csv', limit: this.bodyLimitBytes })).forRoutes({ path: 'v1/products/import', method: RequestMethod.POST });
  }
}
