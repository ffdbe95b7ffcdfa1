import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReservationQueryDto, ReservationView } from './dto/reservation-view.dto';
import { ReservationViewService } from './reservation-view.service';

@ApiTags('reservations')
@Controller('v1/reservations')
export class ReservationsController {
  constructor(private readonly reservations: ReservationViewService) {}

  @Get()
  @ApiOkResponse({
    type: ReservationView,
    description: 'Per line and warehouse: reserved, held, issued, released, returned; per line: backordered',
  })
  @ApiBadRequestResponse({ description: 'orderId missing or not a UUID' })
  @ApiNotFoundResponse({ description: 'Inventory has not seen the order' })
  getReservations(@Query() query: ReservationQueryDto): Promise<ReservationView> {
    return this.reservations.view(query.orderId);
  }
}
