import { Controller, Get } from '@nestjs/common';
import { Allow } from '@tradeflow/platform';
import { CurrentSession } from '../session/current-session.decorator';
import type { Session } from '../session/session-store';
import { SERVICES, ServiceClient } from '../services/service-client';

/** Each service's messaging status (lag, paused partitions, outbox) and dead-letter count, for the Flow health page. */
@Controller('api/flow-health')
export class FlowHealthController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Allow(['ops', 'auditor'])
  async health(@CurrentSession() session: Session) {
    const services = await Promise.all(
      SERVICES.map(async (service) => {
        const [status, letters] = await Promise.all([
          this.services.call<Record<string, unknown>>(session.accessToken, service, 'GET', '/v1/messaging/status').catch(unreachable),
          this.services.call<Record<string, unknown>>(session.accessToken, service, 'GET', '/v1/dead-letters?limit=1').catch(unreachable),
        ]);
        return {
          service,
          status: status.status === 200 ? status.body : null,
          error: status.status === 200 ? null : `${service} answered ${status.status}`,
          deadLetters: letters.status === 200 ? Number(letters.body.count ?? (letters.body.items as unknown[] | undefined)?.length ?? 0) : null,
        };
      }),
    );
    return { at: new Date().toISOString(), services };
  }
}

function unreachable(error: Error) {
  return { status: 503, body: { message: error.message } as Record<string, unknown> };
}
