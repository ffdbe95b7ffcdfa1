import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ChaosService } from '../stack/chaos-infrastructure';
import { CHAOS_SERVICES } from '../stack/chaos-infrastructure';

const ROOT = join(__dirname, '../../../..');

export interface EventCounts {
  /** Outbox rows per event type, over every producer (each type has one). */
  produced: Map<string, number>;
  unpublished: number;
  /** Inbox rows per consumer and event type: each one an event applied once. */
  consumed: Record<ChaosService, Map<string, number>>;
}

/** The event types each service handles, read from its `@EventPattern('<Type>')` handlers. */
export function handledEventTypes(): Record<ChaosService, string[]> {
  const handled = {} as Record<ChaosService, string[]>;
  for (const service of CHAOS_SERVICES) {
    const source = join(ROOT, 'apps', service, 'src');
    const files = (readdirSync(source, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(file));
    const types = files.flatMap((file) => [...readFileSync(join(source, file), 'utf8').matchAll(/@EventPattern\('(\w+)'\)/g)].map((match) => match[1]));
    handled[service] = [...new Set(types)].sort();
  }
  return handled;
}

/**
 * Read straight from each service's `outbox` and `inbox` tables (libs/messaging's, kept after
 * publishing and consuming): an outbox row is an event produced once; an inbox row, keyed by event
 * id and consumer, is an event whose effects committed exactly once.
 */
export async function readEventCounts(databaseUrls: Record<ChaosService, string>): Promise<EventCounts> {
  const counts: EventCounts = { produced: new Map(), unpublished: 0, consumed: {} as EventCounts['consumed'] };
  for (const service of CHAOS_SERVICES) {
    const client = new Client({ connectionString: databaseUrls[service], connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      const outbox = await client.query<{ event_type: string; produced: number; unpublished: number }>(
        `SELECT event_type, count(*)::int AS produced, count(*) FILTER (WHERE published_at IS NULL)::int AS unpublished FROM outbox GROUP BY event_type`,
      );
      for (const row of outbox.rows) {
        counts.produced.set(row.event_type, (counts.produced.get(row.event_type) ?? 0) + row.produced);
        counts.unpublished += row.unpublished;
      }
      const inbox = await client.query<{ event_type: string; consumed: number }>(`SELECT event_type, count(*)::int AS consumed FROM inbox GROUP BY event_type`);
      counts.consumed[service] = new Map(inbox.rows.map((row) => [row.event_type, row.consumed]));
    } finally {
      await client.end();
    }
  }
  return counts;
}

export interface EventBalance {
  eventType: string;
  consumer: ChaosService;
  produced: number;
  consumed: number;
}

/** Per event type and consumer: produced vs applied once. Lost when consumed < produced, duplicated when more. */
export function eventBalances(counts: EventCounts, handled: Record<ChaosService, string[]>): EventBalance[] {
  return CHAOS_SERVICES.flatMap((consumer) =>
    handled[consumer].map((eventType) => ({
      eventType,
      consumer,
      produced: counts.produced.get(eventType) ?? 0,
      consumed: counts.consumed[consumer].get(eventType) ?? 0,
    })),
  );
}
