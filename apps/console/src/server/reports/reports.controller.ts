import { Controller, Get, Query } from '@nestjs/common';
import { Allow } from '@tradeflow/platform';
import { CurrentSession } from '../session/current-session.decorator';
import type { Session } from '../session/session-store';
import { query, ServiceClient } from '../services/service-client';

/** Invoicing's revenue report as it answers it; invoicing validates the parameters and names a bad one. */
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly services: ServiceClient) {}

  @Get('revenue')
  @Allow(['credit', 'finance', 'ops', 'auditor'])
  revenue(
    @CurrentSession() session: Session,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('groupBy') groupBy?: string,
    @Query('currency') currency?: string,
  ) {
    return this.services.get<unknown>(session.accessToken, 'invoicing', `/v1/reports/revenue${query({ from, to, groupBy, currency })}`);
  }
}
