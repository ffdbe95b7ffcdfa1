import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { EVENT_TYPES } from '../../src/generated/events';
import { ALL_TOPICS, eventTypesOnTopic } from '../../src/topic-catalogue';
import type { TopicName } from '../../src/topic-catalogue';
import { readSchemaSet } from '../schema-files';
import { ASYNCAPI_FILE, productVersion } from './asyncapi-files';
import { AVRO_SCHEMA_FORMAT, renderAsyncApiYaml } from './render-asyncapi';
import { asyncApiErrors } from './validate-asyncapi';

interface Document {
  channels: Record<string, { address: string; messages: Record<string, unknown> }>;
  components: {
    messageTraits: { tradeflowRecord: { headers: { required: string[]; properties: Record<string, unknown> } } };
    messages: Record<string, { payload: { schemaFormat: string; schema: { name: string } }; bindings: { kafka: Record<string, unknown> } }> };
}

const fresh = () => renderAsyncApiYaml({ schemas: readSchemaSet(), version: productVersion() });

describe('the AsyncAPI document (docs/asyncapi.yaml)', () => {
  it('matches what the catalogue and schemas/ generate (run `npm run asyncapi:generate` after changing either)', () => {
    const committed = readFileSync(ASYNCAPI_FILE, 'utf8');
    expect(committed === fresh() ? 'up to date' : 'stale: run `npm run asyncapi:generate` and commit docs/asyncapi.yaml').toBe('up to date');
  });

  it('is valid AsyncAPI 3 for @asyncapi/parser, Avro payloads included', async () => {
    expect(await asyncApiErrors(fresh())).toEqual([]);
  });

  it('the parser refuses an Avro payload that is not Avro, so the check above means something', async () => {
    const broken = fresh().replace('type: record\n          name: AccountHoldPlaced', 'type: recurd\n          name: AccountHoldPlaced');
    expect(broken).not.toBe(fresh());
    expect((await asyncApiErrors(broken)).join('\n')).toMatch(/recurd|AccountHoldPlaced|payload/i);
  });

  it('puts every event type on the channel of its catalogue topic, as an Avro payload with the Confluent wire format', () => {
    const document = load(fresh()) as Document;
    const channels = Object.values(document.channels);
    expect(channels.map((channel) => channel.address)).toEqual(ALL_TOPICS.map((topic) => topic.name));
    for (const channel of channels) {
      expect(Object.keys(channel.messages).sort()).toEqual([...eventTypesOnTopic(channel.address as TopicName)].sort());
    }
    expect(Object.keys(document.components.messages).sort()).toEqual([...EVENT_TYPES].sort());
    expect(document.components.messages.OrderPlaced).toMatchObject({
      payload: { schemaFormat: AVRO_SCHEMA_FORMAT, schema: { name: 'OrderPlaced' } },
      bindings: { kafka: { schemaIdPayloadEncoding: 'confluent', schemaLookupStrategy: 'TopicRecordNameStrategy' } },
      'x-subject': 'tradeflow.orders.v1-tradeflow.events.OrderPlaced',
    });
    const { headers } = document.components.messageTraits.tradeflowRecord;
    expect(Object.keys(headers.properties)).toEqual(['traceparent', 'tracestate', 'event-type', 'event-id', 'correlation-id']);
    expect(headers.required).toEqual(['traceparent', 'event-type', 'event-id', 'correlation-id']);
  });
});
