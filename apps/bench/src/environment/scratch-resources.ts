import { createDatabase, databaseIdentifier } from '@tradeflow/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

/**
 * Databases and topics a bench run makes for itself and removes afterwards, so repeated runs
 * against a long-lived local stack leave nothing behind.
 */
export class ScratchResources {
  private readonly databases: string[] = [];
  private readonly topicPrefixes: string[] = [];
  private readonly kafka: Kafka;

  constructor(
    private readonly adminDatabaseUrl: string,
    kafkaBrokers: string,
  ) {
    this.kafka = new Kafka({ clientId: 'tradeflow-bench-admin', brokers: kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  }

  async database(name: string): Promise<string> {
    this.databases.push(name);
    return createDatabase(this.adminDatabaseUrl, name);
  }

  /** Creates the topics now (same partition count for every contender); every topic under the prefix goes at cleanup. */
  async topics(prefix: string, names: string[], partitions: number): Promise<void> {
    this.topicPrefixes.push(prefix);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ waitForLeaders: true, topics: names.map((topic) => ({ topic, numPartitions: partitions })) });
    } finally {
      await admin.disconnect();
    }
  }

  /** Records a prefix whose topics someone else (a service) creates. */
  ownTopicsUnder(prefix: string): void {
    this.topicPrefixes.push(prefix);
  }

  async cleanUp(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topics = (await admin.listTopics()).filter((topic) => this.topicPrefixes.some((prefix) => topic.startsWith(prefix)));
      if (topics.length > 0) await admin.deleteTopics({ topics });
    } finally {
      await admin.disconnect();
    }
    const client = new Client({ connectionString: this.adminDatabaseUrl });
    await client.connect();
    try {
      for (const name of this.databases) {
        const identifier = client.escapeIdentifier(databaseIdentifier(name));
        await client.query(`DROP DATABASE IF EXISTS ${identifier} WITH (FORCE)`);
        await client.query(`DROP ROLE IF EXISTS ${identifier}`);
      }
    } finally {
      await client.end();
    }
  }
}
