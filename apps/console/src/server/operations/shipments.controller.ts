import { Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Allow } from '@tradeflow/platform';
import { CurrentSession } from '../session/current-session.decorator';
import type { Session } from '../session/session-store';
import { ServiceClient } from '../services/service-client';

@Controller('api/shipments')
export class ShipmentsController {
  constructor(private readonly services: ServiceClient) {}

  /** A shipment whose label keeps failing: ask the carrier again now. */
  @Post(':id/retry-label')
  @Allow(['ops', 'warehouse'])
  retryLabel(@CurrentSession() session: Session, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.services.post(session.accessToken, 'shipping', `/v1/shipments/${id}/retry-label`, {});
  }
}
