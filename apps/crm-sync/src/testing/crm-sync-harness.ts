import type { DomainEvent } from '@tradeflow/events';
import type { RunningService } from '@tradeflow/service';
import { startService } from '@tradeflow/service';
import { loadConfig, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '@tradeflow/platform';
import type { DevClient } from '@tradeflow/testing';
import { createDatabase, devAuthorization, requiredEnv, serviceUnderTestEnv, TestKafka, uniqueTopicPrefix } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { CrmSyncSettings } from '../crm-sync-settings';
import { crmSyncService } from '../crm-sync-service';

/** Integration tests only: crm-sync in-process on real Kafka, registry and Postgres, with its own topics and database. */
export const WEBHOOK_SECRET = 'integration-test-webhook-secret-0123456789';

export interface CrmSyncUnderTest {
  service: RunningService;
  kafka: TestKafka;
  url: string;
}

export async function startCrmSync(env: Record<string, string> = {}): Promise<CrmSyncUnderTest> {
  const prefix = uniqueTopicPrefix();
  const settings = loadConfig(CrmSyncSettings, {
    ...serviceUnderTestEnv(),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '1',
    DATABASE_URL_CRM_SYNC: await createDatabase(requiredEnv('DATABASE_ADMIN_URL'), `crm_${randomUUID().slice(0, 8)}`),
    CRM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    OUTBOX_POLL_INTERVAL_MS: '100',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const service = await startService(crmSyncService, settings);
  return { service, kafka: new TestKafka(prefix), url: service.url };
}

export interface SignOptions {
  secret?: string;
  timestamp?: number;
  signature?: string;
}

/** A CRM webhook request as the CRM would send it, signed over the exact body bytes. */
export function signedRequest(body: string, options: SignOptions = {}): RequestInit {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: options.signature ?? signWebhook(options.secret ?? WEBHOOK_SECRET, timestamp, body),
    },
    body,
  };
}

/** Calls the API with a bearer token of the development client `as` (its roles: DEV_CLIENT_ROLES), or with no credential. */
export async function sendJson(
  url: string,
  method: 'GET' | 'POST',
  body?: unknown,
  as?: DevClient,
  // Tests read the answers field by field; typing each shape here would add nothing.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(as ? await devAuthorization(as) : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** Decoded events published on `topic` under `key`, once at least `count` are there. */
export async function eventsFor(kafka: TestKafka, topic: string, key: string, count: number): Promise<DomainEvent[]> {
  const records = await kafka.readUntil(topic, (all) => all.filter((record) => record.key === key).length >= count);
  const mine = records.filter((record) => record.key === key);
  return Promise.all(mine.map((record) => kafka.codec.decode(record.value)));
}

/** POSTs a signed customer webhook; `options` spoil the signature or timestamp on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function postWebhook(url: string, init: RequestInit): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}/v1/crm/webhooks/customers`, init);
  return { status: response.status, body: await response.json() };
}
