import { Controller, Get } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { PartitionRetryStatus } from '../consumer/partition-retries';
import type { OutboxStatus } from '../outbox/outbox-relay';
import { OutboxRelay } from '../outbox/outbox-relay';
import { Allow } from '@tradeflow/platform';
import { KafkaEventTransport } from './kafka-event-transport';

class MessagingStatusView {
  @ApiProperty({ description: 'count, oldestAgeSeconds and failingSince of the rows not yet on Kafka; error when the database is down' })
  outbox!: OutboxStatus | { error: string };

  @ApiProperty() consumerGroup!: string;

  @ApiProperty({ description: 'Partitions paused on a failing record until their next attempt' })
  retrying!: PartitionRetryStatus[];

  @ApiProperty({ description: 'Events recorded in the inbox more than once for this consumer (0 unless the inbox key was lost)' })
  inbox!: { duplicates: number } | { error: string };
}

/** What an operator (and later the metrics) watches: the outbox backlog and partitions stuck on a record. */
@ApiTags('operations')
@Controller('v1/messaging')
export class MessagingStatusController {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly transport: KafkaEventTransport,
    private readonly dataSource: DataSource,
  ) {}

  @Get('status')
  @Allow(['ops', 'auditor'])
  @ApiOperation({ summary: 'Outbox backlog and age, and consumer partitions waiting to retry' })
  @ApiOkResponse({ type: MessagingStatusView })
  async status(): Promise<MessagingStatusView> {
    const outbox = await this.relay.status().catch((error: Error) => ({ error: error.message }));
    const consumer = this.transport.consumerStatus();
    const inbox = await this.inboxDuplicates().catch((error: Error) => ({ error: error.message }));
    return { outbox, consumerGroup: consumer.groupId, retrying: consumer.retrying, inbox };
  }

  /** For reconcile: every consumed event must be in exactly one inbox row. */
  private async inboxDuplicates(): Promise<{ duplicates: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS duplicates FROM (SELECT 1 FROM inbox GROUP BY event_id, consumer HAVING count(*) > 1) repeated`,
    );
    return { duplicates: row.duplicates };
  }
}
