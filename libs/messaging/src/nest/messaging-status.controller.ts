import { Controller, Get } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { PartitionRetryStatus } from '../consumer/partition-retries';
import type { OutboxStatus } from '../outbox/outbox-relay';
import { OutboxRelay } from '../outbox/outbox-relay';
import { Allow } from '@tradeflow/platform';
import type { PartitionLag } from '../telemetry/consumer-lag-reader';
import { ConsumerLagReader } from '../telemetry/consumer-lag-reader';
import { KafkaEventTransport } from './kafka-event-transport';

class PartitionLagView implements PartitionLag {
  @ApiProperty() topic!: string;
  @ApiProperty() partition!: number;
  @ApiProperty({ description: "Records after the group's committed offset" }) records!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Upper bound on the age of the oldest waiting record, from earlier reads of this status (15 min); 0 when none waits, null when not known yet',
  })
  secondsBehind!: number | null;
}

class MessagingStatusView {
  @ApiProperty({ description: 'count, oldestAgeSeconds and failingSince of the rows not yet on Kafka; error when the database is down' })
  outbox!: OutboxStatus | { error: string };

  @ApiProperty() consumerGroup!: string;

  @ApiProperty({ description: 'Partitions paused on a failing record until their next attempt' })
  retrying!: PartitionRetryStatus[];

  @ApiProperty({ description: 'Events recorded in the inbox more than once for this consumer (0 unless the inbox key was lost)' })
  inbox!: { duplicates: number } | { error: string };

  @ApiProperty({ type: [PartitionLagView], description: "This consumer group's lag per topic and partition (committed offset against the partition's end)" })
  lag!: PartitionLagView[];

  @ApiProperty({ nullable: true, type: String, description: 'Why lag is empty when the broker could not be asked' })
  lagError!: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Records the group committed per second since the previous read (this status or a metrics scrape); null on the first' })
  eventsPerSecond!: number | null;
}

/** What an operator (and later the metrics) watches: the outbox backlog and partitions stuck on a record. */
@ApiTags('operations')
@Controller('v1/messaging')
export class MessagingStatusController {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly transport: KafkaEventTransport,
    private readonly dataSource: DataSource,
    private readonly lagReader: ConsumerLagReader,
  ) {}

  @Get('status')
  @Allow(['ops', 'auditor'])
  @ApiOperation({ summary: 'Outbox backlog and age, consumer partitions waiting to retry, lag per partition and events per second' })
  @ApiOkResponse({ type: MessagingStatusView })
  async status(): Promise<MessagingStatusView> {
    const outbox = await this.relay.status().catch((error: Error) => ({ error: error.message }));
    const consumer = this.transport.consumerStatus();
    const inbox = await this.inboxDuplicates().catch((error: Error) => ({ error: error.message }));
    const flow = await this.lagReader.read().catch((error: Error) => ({ error: error.message }));
    const lag = 'error' in flow ? { lag: [], lagError: flow.error, eventsPerSecond: null } : { ...flow, lagError: null };
    return { outbox, consumerGroup: consumer.groupId, retrying: consumer.retrying, inbox, ...lag };
  }

  /** For reconcile: every consumed event must be in exactly one inbox row. */
  private async inboxDuplicates(): Promise<{ duplicates: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS duplicates FROM (SELECT 1 FROM inbox GROUP BY event_id, consumer HAVING count(*) > 1) repeated`,
    );
    return { duplicates: row.duplicates };
  }
}
