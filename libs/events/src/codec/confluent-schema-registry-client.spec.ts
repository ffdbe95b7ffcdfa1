import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_SCHEMAS } from '../generated/events';
import { ConfluentSchemaRegistryClient } from './confluent-schema-registry-client';
import { UnknownSchemaError } from './schema-registry-client';

/** Answers the few Confluent API calls the client makes; the real registry is covered by event-codec.int-spec.ts. */
function startStubRegistry(requests: string[]): Promise<Server> {
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push(`${request.method} ${request.url} ${body}`.trim());
      const reply = (status: number, json: unknown) => {
        response.writeHead(status, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
        response.end(JSON.stringify(json));
      };
      if (request.url?.startsWith('/config/')) return request.method === 'GET' ? reply(404, { error_code: 40401 }) : reply(200, {});
      if (request.url?.endsWith('/versions')) return reply(200, { id: 7 });
      if (request.url === '/schemas/ids/7') return reply(200, { schema: JSON.stringify(EVENT_SCHEMAS.OrderApproved) });
      if (request.url === '/schemas/ids/8') return reply(200, { schema: '{"type":"object"}', schemaType: 'JSON' });
      return reply(404, { error_code: 40403, message: 'Schema not found' });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('ConfluentSchemaRegistryClient', () => {
  const requests: string[] = [];
  let server: Server;
  let client: ConfluentSchemaRegistryClient;

  beforeAll(async () => {
    server = await startStubRegistry(requests);
    client = new ConfluentSchemaRegistryClient({ registryUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('registers under the given subject and makes a new subject FULL_TRANSITIVE', async () => {
    const subject = 'tradeflow.orders.v1-tradeflow.events.OrderApproved';
    expect(await client.register(subject, EVENT_SCHEMAS.OrderApproved)).toBe(7);
    expect(requests).toContainEqual(expect.stringMatching(`^POST /subjects/${subject}/versions \\{"schema":`));
    expect(requests).toContainEqual(`PUT /config/${subject} {"compatibility":"FULL_TRANSITIVE"}`);
  });

  it('returns the schema of an id as JSON', async () => {
    expect(await client.getSchema(7)).toMatchObject({ type: 'record', name: 'tradeflow.events.OrderApproved' });
  });

  it('reports an id the registry does not know, or one that is not Avro, as UnknownSchemaError', async () => {
    await expect(client.getSchema(9)).rejects.toThrow(new UnknownSchemaError(9));
    await expect(client.getSchema(8)).rejects.toThrow(new UnknownSchemaError(8, 'is not an Avro schema'));
  });
});
