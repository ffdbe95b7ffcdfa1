import { Module } from '@nestjs/common';
import { IdempotencyService } from '@tradeflow/platform';
import { ReservationsModule } from '../reservations/reservations.module';
import { ReceiptsController } from './receipts.controller';
import { ReceiptsService } from './receipts.service';

@Module({
  imports: [ReservationsModule],
  controllers: [ReceiptsController],
  providers: [ReceiptsService, IdempotencyService],
})
export class ReceiptsModule {}
