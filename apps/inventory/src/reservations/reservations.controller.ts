import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, STAFF } from '@tradeflow/platform';
import { ReleaseReservationsDto } from './dto/release-reservations.dto';
import { ReservationQueryDto, ReservationView } from './dto/reservation-view.dto';
import { ReservedOrderPageQueryDto, ReservedOrderPageView } from './dto/reserved-order-page.dto';
import { OperatorReleaseService } from './operator-release.service';
import { ReservationViewService } from './reservation-view.service';

@ApiTags('reservations')
@Controller('v1/reservations')
export class ReservationsController {
  constructor(
    private readonly reservations: ReservationViewService,
    private readonly operatorRelease: OperatorReleaseService,
  ) {}

  @Get()
  @Allow(STAFF)
  @ApiOkResponse({
    type: ReservationView,
    description: 'Per line and warehouse: reserved, held, issued, released, returned; per line: backordered',
  })
  @ApiBadRequestResponse({ description: 'orderId missing or not a UUID' })
  @ApiNotFoundResponse({ description: 'Inventory has not seen the order' })
  getReservations(@Query() query: ReservationQueryDto): Promise<ReservationView> {
    return this.reservations.view(query.orderId);
  }

  @Get('orders')
  @Allow(STAFF)
  @ApiOkResponse({ type: ReservedOrderPageView, description: 'Every order inventory has seen, by order id, a page at a time: follow nextAfterOrderId until null' })
  @ApiBadRequestResponse({ description: 'afterOrderId or limit malformed' })
  listOrders(@Query() query: ReservedOrderPageQueryDto): Promise<ReservedOrderPageView> {
    return this.reservations.listOrders(query.afterOrderId, query.limit ?? 100);
  }

  @Post(':orderId/release')
  @HttpCode(200)
  @Allow(['ops'], { action: 'release-reservation', reasonRequired: true })
  @ApiOperation({
    summary: 'Gives back everything an order holds or waits for (StockReleased, reason operator)',
    description:
      'For an order the order service does not know (a forged or stray OrderApproved; reconcile reports it as orphan-effect). ' +
      'Issued goods stay issued; the order reserves nothing here any more. Audited with the reason.',
  })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiOkResponse({ type: ReservationView, description: "The order's reservations after the release" })
  @ApiBadRequestResponse({ description: 'orderId not a UUID, or reason missing' })
  @ApiNotFoundResponse({ description: 'Inventory holds no reservations for the order' })
  release(@Param('orderId', new ParseUUIDPipe()) orderId: string, @Body() body: ReleaseReservationsDto): Promise<ReservationView> {
    return this.operatorRelease.release(orderId, body.reason);
  }
}
