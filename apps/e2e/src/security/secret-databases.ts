import { createDatabase, databaseUrlVariable, requiredEnv } from '@tradeflow/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { SliceService } from '../slice';

export interface SecretDatabase {
  variable: string;
  url: string;
  password: string;
}

/**
 * A database per service whose role has a random password of its own. The test databases' usual
 * password equals the role name, which appears in logs legitimately; this one must never appear.
 */
export async function databasesWithSecretPasswords(services: SliceService[]): Promise<Record<SliceService, SecretDatabase>> {
  const admin = requiredEnv('DATABASE_ADMIN_URL');
  const suffix = randomUUID().slice(0, 8);
  const entries = await Promise.all(
    services.map(async (service) => {
      const url = new URL(await createDatabase(admin, `sec_${service.replace('-', '_')}_${suffix}`));
      const password = `pw${randomBytes(12).toString('hex')}`;
      const client = new Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`ALTER ROLE ${client.escapeIdentifier(url.username)} PASSWORD ${client.escapeLiteral(password)}`);
      } finally {
        await client.end();
      }
      url.password = password;
      return [service, { variable: databaseUrlVariable(service), url: url.toString(), password }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<SliceService, SecretDatabase>;
}

/** Runs `sql` on a database and returns its rows. */
export async function query<T = Record<string, unknown>>(url: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}
