import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Allow, STAFF } from '@tradeflow/platform';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { CurrentSession } from '../session/current-session.decorator';
import type { Session } from '../session/session-store';
import { query, ServiceClient } from '../services/service-client';
import { OrderDetails } from './order-details';
import type { FixAction } from './stuck-order-fix';
import { FIX_ACTIONS, StuckOrderFix } from './stuck-order-fix';

const ID = /^[A-Za-z0-9._:-]{1,100}$/;

export class OrderSearch {
  @IsOptional() @Matches(ID, { message: 'customerId must be an id' }) customerId?: string;
  @IsOptional() @Matches(ID, { message: 'channel must be a channel name' }) channel?: string;
  @IsOptional() @Matches(/^[A-Z_]{1,30}$/, { message: 'status must be an order status' }) status?: string;
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}/, { message: 'placedFrom must be a date' }) placedFrom?: string;
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}/, { message: 'placedTo must be a date' }) placedTo?: string;
  @IsOptional() @IsString() @Length(1, 100) q?: string;
  @IsOptional() @IsUUID('all', { message: 'afterId must be an order id' }) afterId?: string;
  @IsOptional() @IsIn(['25', '50', '100'], { message: 'limit must be 25, 50 or 100' }) limit?: string;
}

export class PageQuery {
  @IsOptional() @IsUUID('all', { message: 'afterId must be an order id' }) afterId?: string;
}

export class FixStuckOrder {
  @IsIn(FIX_ACTIONS, { message: `action must be one of ${FIX_ACTIONS.join(', ')}` }) action!: FixAction;
  @IsString() @Length(1, 500, { message: 'reason: say why (1-500 characters)' }) reason!: string;
}

export class ApproveOrder {
  @IsString() @Length(1, 500, { message: 'reason: say why you approve (1-500 characters)' }) reason!: string;
}

@Controller('api/orders')
export class OrdersController {
  constructor(
    private readonly services: ServiceClient,
    private readonly details: OrderDetails,
    private readonly fixes: StuckOrderFix,
  ) {}

  @Get()
  @Allow([...STAFF])
  search(@CurrentSession() session: Session, @Query() search: OrderSearch) {
    return this.services.get(session.accessToken, 'order', `/v1/orders${query({ limit: 25, ...search })}`);
  }

  @Get('stuck')
  @Allow([...STAFF])
  stuck(@CurrentSession() session: Session, @Query() page: PageQuery) {
    return this.services.get(session.accessToken, 'order', `/v1/orders/stuck${query({ limit: 100, ...page })}`);
  }

  @Get(':id')
  @Allow([...STAFF])
  detail(@CurrentSession() session: Session, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.details.of(session.accessToken, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Allow(['credit'])
  approve(@CurrentSession() session: Session, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ApproveOrder) {
    return this.services.post(session.accessToken, 'order', `/v1/orders/${id}/approve`, { reason: body.reason });
  }

  /** The fixing action of the Stuck orders page; each service still checks the person's role. */
  @Post(':id/fix')
  @HttpCode(200)
  @Allow(['credit', 'ops', 'warehouse'])
  fix(@CurrentSession() session: Session, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: FixStuckOrder) {
    return this.fixes.fix(session.accessToken, id, body.action, body.reason);
  }
}
