import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { Allow } from '@tradeflow/platform';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CurrentSession } from '../session/current-session.decorator';
import type { Session } from '../session/session-store';
import type { ServiceName } from '../services/service-client';
import { query, SERVICES, ServiceClient } from '../services/service-client';

const WORD = /^[A-Za-z0-9._:-]{1,200}$/;

export class DeadLetterFilter {
  @IsOptional() @IsIn(SERVICES) service?: ServiceName;
  @IsOptional() @Matches(WORD, { message: 'eventType must be an event type' }) eventType?: string;
  @IsOptional() @Matches(WORD, { message: 'reason must be a word' }) reason?: string;
  /** Replayed and dismissed letters too (the services hide them by default). */
  @IsOptional() @IsIn(['true', 'false']) includeHandled?: string;
}

class LetterSelection {
  @IsIn(SERVICES, { message: `service must be one of ${SERVICES.join(', ')}` }) service!: ServiceName;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @Matches(/^\d+:\d+$/, { each: true, message: 'ids are partition:offset' }) ids?: string[];
  @IsOptional() @Matches(WORD) eventType?: string;
  @IsOptional() @Matches(WORD) reason?: string;
  @IsOptional() @IsBoolean() all?: boolean;
}

export class ReplayLetters extends LetterSelection {
  @IsString() @Length(1, 500, { message: 'justification: say why these may be applied now (1-500 characters)' }) justification!: string;
}

export class DismissLetters {
  @IsIn(SERVICES, { message: `service must be one of ${SERVICES.join(', ')}` }) service!: ServiceName;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @Matches(/^\d+:\d+$/, { each: true, message: 'ids are partition:offset' }) ids!: string[];
  @IsString() @Length(1, 500, { message: 'reason: say why these must never be applied (1-500 characters)' }) dismissReason!: string;
}

/** The dead letters of every service in one list; replay and dismiss go to the service that owns them. */
@Controller('api/dead-letters')
export class DeadLettersController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Allow(['ops', 'auditor'])
  async list(@CurrentSession() session: Session, @Query() filter: DeadLetterFilter) {
    const { service, includeHandled, ...rest } = filter;
    const asked = service ? [service] : [...SERVICES];
    const answers = await Promise.all(
      asked.map(async (name) => {
        const answer = await this.services.call<Record<string, unknown>>(session.accessToken, name, 'GET', `/v1/dead-letters${query({ limit: 500, ...rest, includeReplayed: includeHandled, includeDismissed: includeHandled })}`);
        if (answer.status !== 200) return { service: name, items: [] as Record<string, unknown>[], error: `${name} answered ${answer.status}` };
        const letters = (answer.body.items ?? answer.body.deadLetters ?? []) as Record<string, unknown>[];
        return { service: name, items: letters.map((letter): Record<string, unknown> => ({ ...letter, service: name })) };
      }),
    );
    return {
      items: answers.flatMap((answer) => answer.items).sort((a, b) => String(b.lastFailureAt ?? '').localeCompare(String(a.lastFailureAt ?? ''))),
      errors: answers.flatMap((answer) => (answer.error ? [{ service: answer.service, error: answer.error }] : [])),
    };
  }

  @Post('replay')
  @Allow(['ops'])
  replay(@CurrentSession() session: Session, @Body() body: ReplayLetters) {
    const { service, ...selection } = body;
    return this.services.post(session.accessToken, service, '/v1/dead-letters/replay', selection);
  }

  @Post('dismiss')
  @Allow(['ops'])
  dismiss(@CurrentSession() session: Session, @Body() body: DismissLetters) {
    return this.services.post(session.accessToken, body.service, '/v1/dead-letters/dismiss', { ids: body.ids, reason: body.dismissReason });
  }
}
