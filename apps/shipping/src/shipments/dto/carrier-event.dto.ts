import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';

export const CARRIER_EVENT_STATUSES = ['IN_TRANSIT', 'DELIVERED'] as const;

export type CarrierEventStatus = (typeof CARRIER_EVENT_STATUSES)[number];

export class CarrierEventDto {
  @ApiProperty({ example: 'LC7F3A9D2E41B05C88', pattern: '^[A-Za-z0-9._-]{1,64}$', description: 'The tracking number the carrier gave the label' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'trackingNumber must be 1-64 letters, digits, ".", "_" or "-"' })
  trackingNumber!: string;

  @ApiProperty({ enum: CARRIER_EVENT_STATUSES, description: 'DELIVERED completes the shipment; IN_TRANSIT is acknowledged only' })
  @IsIn(CARRIER_EVENT_STATUSES, { message: `status must be one of ${CARRIER_EVENT_STATUSES.join(', ')}` })
  status!: CarrierEventStatus;
}
