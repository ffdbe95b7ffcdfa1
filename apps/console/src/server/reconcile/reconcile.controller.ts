import { ConflictException, Controller, HttpCode, Post } from '@nestjs/common';
import { Allow } from '@tradeflow/platform';
import { CurrentSession } from '../session/current-session.decorator';
import type { Session } from '../session/session-store';
import { SERVICES, ServiceClient } from '../services/service-client';
import { runReconcile } from './reconcile-run';

@Controller('api/reconcile')
export class ReconcileController {
  /** One run at a time: it reads every row of every service. */
  private running = false;

  constructor(private readonly services: ServiceClient) {}

  @Post()
  @HttpCode(200)
  @Allow(['ops', 'auditor'])
  async run(@CurrentSession() session: Session) {
    if (this.running) throw new ConflictException('reconcile is already running; wait for its report');
    this.running = true;
    try {
      return await runReconcile(session.accessToken, Object.fromEntries(SERVICES.map((service) => [service, this.services.url(service)])));
    } finally {
      this.running = false;
    }
  }
}
