import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AvailabilityController } from './availability.controller';
import { Availability, SafetyStock } from './availability.entity';
import { AvailabilityService } from './availability.service';

/** Available-to-sell per sku for the sales channels: the published figures and the safety stock. */
@Module({
  imports: [TypeOrmModule.forFeature([Availability, SafetyStock])],
  controllers: [AvailabilityController],
  providers: [AvailabilityService],
})
export class AvailabilityModule {}
