import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CARRIER_EVENT_STATUSES } from '../carrier-transition';
import type { CarrierEventStatus } from '../carrier-transition';

export class CarrierEventDto {
  @ApiProperty({ example: 'LC7F3A9D2E41B05C88', pattern: '^[A-Za-z0-9._-]{1,64}$', description: 'The tracking number the carrier gave the label' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'trackingNumber must be 1-64 letters, digits, ".", "_" or "-"' })
  trackingNumber!: string;

  @ApiProperty({
    enum: CARRIER_EVENT_STATUSES,
    description:
      'DELIVERED completes the shipment; IN_TRANSIT is acknowledged only; FAILED_ATTEMPT counts a delivery attempt (the carrier tries again); ' +
      'RETURNED_TO_SENDER, LOST and DAMAGED stop the shipment until an operator decides',
  })
  @IsIn(CARRIER_EVENT_STATUSES, { message: `status must be one of ${CARRIER_EVENT_STATUSES.join(', ')}` })
  status!: CarrierEventStatus;

  @ApiPropertyOptional({ maxLength: 500, example: 'recipient not at home, card left', description: 'What the carrier says about the event' })
  @IsOptional()
  @IsString({ message: 'detail must be a string' })
  @MaxLength(500, { message: 'detail must be at most 500 characters' })
  detail?: string;
}
