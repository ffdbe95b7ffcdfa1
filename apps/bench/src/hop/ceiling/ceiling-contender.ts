import type { OrderApproved } from '@tradeflow/events';
import type { Consumer, EachBatchPayload, Producer } from 'kafkajs';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { Pool } from 'pg';
import type { Contender, ContenderEnvironment } from '../contender';
import { partitionsAtOnce } from '../contender';
import { INSERT_EFFECTS } from '../effects';
import { CORRELATION_HEADER, hopTopics, quantityOf, reservationFor } from '../hop-events';

const SLICE = 500;

/**
 * The ceiling: what the hop costs with nothing but the clients. Per fetched batch of a partition,
 * one transaction with one multi-row insert, then one produce of all outputs, then the offset
 * commit (at-least-once). No framework, no Avro, no inbox, no outbox.
 */
export class CeilingContender implements Contender {
  private readonly kafka: Kafka;
  private readonly pool: Pool;
  private readonly topics: ReturnType<typeof hopTopics>;
  private consumer?: Consumer;
  private producer?: Producer;

  constructor(private readonly env: ContenderEnvironment) {
    this.kafka = new Kafka({ clientId: 'bench-ceiling', brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.WARN });
    this.pool = new Pool({ connectionString: env.DATABASE_URL_BENCH, max: partitionsAtOnce() });
    this.topics = hopTopics(env.KAFKA_TOPIC_PREFIX);
  }

  async start(): Promise<void> {
    const producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    this.producer = producer;
    await producer.connect();
    this.consumer = this.kafka.consumer({ groupId: this.env.KAFKA_CONSUMER_GROUP });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.topics.input], fromBeginning: true });
    await this.consumer.run({ partitionsConsumedConcurrently: partitionsAtOnce(), eachBatch: (payload) => this.handleBatch(payload, producer) });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }

  private async handleBatch({ batch }: EachBatchPayload, producer: Producer): Promise<void> {
    const events = batch.messages.map((message) => JSON.parse(String(message.value)) as OrderApproved);
    if (events.length === 0) return;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(INSERT_EFFECTS, [
        events.map((event) => event.eventId),
        events.map((event) => event.orderId),
        events.map(quantityOf),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    const messages = events.map((event) => ({
      key: event.orderId,
      value: JSON.stringify(reservationFor(event)),
      headers: { [CORRELATION_HEADER]: event.correlationId },
    }));
    // A fetched batch can exceed the broker's 1 MiB message.max.bytes once produced, so it goes in slices, all in flight at once.
    const slices = Array.from({ length: Math.ceil(messages.length / SLICE) }, (_, index) => messages.slice(index * SLICE, (index + 1) * SLICE));
    await Promise.all(slices.map((slice) => producer.send({ topic: this.topics.output, messages: slice })));
  }
}
