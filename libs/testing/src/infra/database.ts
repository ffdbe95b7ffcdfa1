import { Client } from 'pg';

/**
 * Creates (or finds) a database and a login role of the same name that owns it, and returns the role's
 * URL. Idempotent, so the local stack can call it on every start. A dash becomes an underscore
 * (`crm-sync` → `crm_sync`). The password equals the name: local development only; deployed services
 * get DATABASE_URL_<SERVICE> instead.
 */
export async function createDatabase(adminDatabaseUrl: string, name: string): Promise<string> {
  const identifier = databaseIdentifier(name);
  const client = new Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    const role = client.escapeIdentifier(identifier);
    const password = client.escapeLiteral(identifier);
    const roleExists = (await client.query('select 1 from pg_roles where rolname = $1', [identifier])).rowCount;
    await client.query(`${roleExists ? 'alter' : 'create'} role ${role} with login password ${password}`);
    const databaseExists = (await client.query('select 1 from pg_database where datname = $1', [identifier])).rowCount;
    if (!databaseExists) await client.query(`create database ${role} owner ${role}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminDatabaseUrl);
  url.username = identifier;
  url.password = identifier;
  url.pathname = `/${identifier}`;
  return url.toString();
}

export function databaseIdentifier(name: string): string {
  const identifier = name.toLowerCase().replace(/-/g, '_');
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(identifier)) {
    throw new Error(
      `database name "${name}" must start with a letter and hold only letters, digits, _ or - (at most 63)`,
    );
  }
  return identifier;
}
