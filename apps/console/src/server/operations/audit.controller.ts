import { Controller, Get, Query } from '@nestjs/common';
import { Allow } from '@tradeflow/platform';
import { IsOptional, Matches } from 'class-validator';
import { CurrentSession } from '../session/current-session.decorator';
import type { Session } from '../session/session-store';
import { query, SERVICES, ServiceClient } from '../services/service-client';

const TEXT = /^[A-Za-z0-9._:@|-]{1,200}$/;

export class AuditFilter {
  @IsOptional() @Matches(TEXT, { message: 'action must be a word' }) action?: string;
  @IsOptional() @Matches(TEXT, { message: 'targetId must be an id' }) targetId?: string;
}

/** Every service's audit trail, newest first: who did what by hand, and why. */
@Controller('api/audit')
export class AuditController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Allow(['ops', 'auditor'])
  async list(@CurrentSession() session: Session, @Query() filter: AuditFilter) {
    const answers = await Promise.all(
      SERVICES.map(async (service) => {
        const answer = await this.services.call<{ records?: Record<string, unknown>[] }>(session.accessToken, service, 'GET', `/v1/audit${query({ limit: 100, ...filter })}`);
        return (answer.status === 200 ? (answer.body.records ?? []) : []).map((record): Record<string, unknown> => ({ ...record, service }));
      }),
    );
    return { items: answers.flat().sort((a, b) => String(b.recordedAt).localeCompare(String(a.recordedAt))) };
  }
}
