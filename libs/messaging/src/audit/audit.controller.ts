import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditRecord } from './audit-record.entity';

const TEXT = /^[A-Za-z0-9._:@|-]{1,200}$/;

export class ListAuditQuery {
  @ApiPropertyOptional({ example: 'dispatch-shipment' })
  @IsOptional()
  @Matches(TEXT, { message: 'action must be a word' })
  action?: string;

  @ApiPropertyOptional({ description: 'The acted-on id (an order, shipment, invoice, customer…)' })
  @IsOptional()
  @Matches(TEXT, { message: 'targetId must be an id' })
  targetId?: string;

  @ApiPropertyOptional({ description: "The actor's subject" })
  @IsOptional()
  @Matches(TEXT, { message: 'actor must be a subject' })
  actor?: string;

  @ApiPropertyOptional({ description: 'Records before this instant (ISO 8601): the next page starts at the last record shown' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'before must be an ISO 8601 instant' })
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

class AuditRecordView {
  @ApiProperty() id!: string;
  @ApiProperty() recordedAt!: Date;
  @ApiProperty() action!: string;
  @ApiProperty() targetId!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) targets!: Record<string, string>;
  @ApiProperty() actorSubject!: string;
  @ApiProperty() actorClient!: string;
  @ApiProperty({ type: [String] }) actorRoles!: string[];
  @ApiProperty({ enum: ['bearer', 'api-key', 'signature'] }) actorVia!: string;
  @ApiProperty() route!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty() requestId!: string;
  @ApiProperty() correlationId!: string;
}

class AuditListView {
  @ApiProperty({ type: [AuditRecordView] }) records!: AuditRecordView[];
}

/** This service's audit trail, newest first. Read-only: no route changes or removes a record. */
@ApiTags('operations')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Allow(['auditor', 'ops'])
  @ApiOperation({ summary: 'Actions people and systems took by hand here: who, roles, when, what, why' })
  @ApiOkResponse({ type: AuditListView })
  async list(@Query() query: ListAuditQuery): Promise<AuditListView> {
    const select = this.dataSource.getRepository(AuditRecord).createQueryBuilder('audit');
    if (query.action) select.andWhere('audit.action = :action', { action: query.action });
    if (query.targetId) select.andWhere('audit.targetId = :targetId', { targetId: query.targetId });
    if (query.actor) select.andWhere('audit.actorSubject = :actor', { actor: query.actor });
    if (query.before) select.andWhere('audit.recordedAt < :before', { before: new Date(query.before) });
    const records = await select.orderBy('audit.recordedAt', 'DESC').addOrderBy('audit.id', 'DESC').take(query.limit ?? 100).getMany();
    return { records };
  }
}
