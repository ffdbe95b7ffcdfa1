import { readFileSync } from 'node:fs';
import { renderEventsModule } from './render-events-module';
import { buildSchemaSet, GENERATED_FILE, readSchemaSet } from './schema-files';

const envelope = JSON.stringify({
  type: 'record',
  name: 'Envelope',
  namespace: 'tradeflow.events',
  fields: [{ name: 'eventType', type: 'string' }],
});

function eventFile(name: string, fields: unknown[]): { file: string; text: string } {
  const file = `${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.avsc`;
  return { file, text: JSON.stringify({ type: 'record', name, namespace: 'tradeflow.events', topic: 'tradeflow.orders.v1', fields }) };
}

describe('renderEventsModule', () => {
  it('matches the committed src/generated/events.ts (run `npm run generate` after changing schemas/)', () => {
    const committed = readFileSync(GENERATED_FILE, 'utf8');
    const fresh = renderEventsModule(readSchemaSet());
    expect(committed === fresh ? 'up to date' : 'stale: run `npm run generate` and commit the result').toBe('up to date');
  });

  it('flattens envelope and event fields, with the event type as a literal and nullable unions as T | null', () => {
    const source = renderEventsModule(
      buildSchemaSet(envelope, [eventFile('OrderNoted', [{ name: 'note', type: ['null', 'string'], default: null }, { name: 'count', type: 'long' }])]),
    );
    expect(source).toContain("export interface OrderNoted {\n  eventType: 'OrderNoted';\n  note: string | null;\n  count: number;\n}");
    expect(source).toContain("export type DomainEvent = OrderNoted;");
    expect(source).toContain("OrderNoted: 'tradeflow.orders.v1',");
  });

  it('refuses unions other than null and one type', () => {
    const schemas = buildSchemaSet(envelope, [eventFile('OrderNoted', [{ name: 'note', type: ['string', 'int'] }])]);
    expect(() => renderEventsModule(schemas)).toThrow('Only ["null", T] unions are supported');
  });

  it('refuses two different nested records of the same name in different schemas', () => {
    const line = (fields: unknown[]) => ({ name: 'lines', type: { type: 'array', items: { type: 'record', name: 'Line', fields } } });
    const schemas = buildSchemaSet(envelope, [
      eventFile('OrderNoted', [line([{ name: 'sku', type: 'string' }])]),
      eventFile('OrderTagged', [line([{ name: 'tag', type: 'string' }])]),
    ]);
    expect(() => renderEventsModule(schemas)).toThrow('Two different schemas are named Line');
  });
});

describe('buildSchemaSet', () => {
  it('refuses a schema without a topic, in the wrong file, or clashing with the envelope', () => {
    const noTopic = { file: 'order-noted.avsc', text: JSON.stringify({ type: 'record', name: 'OrderNoted', namespace: 'tradeflow.events', fields: [] }) };
    expect(() => buildSchemaSet(envelope, [noTopic])).toThrow('order-noted.avsc: missing the "topic" attribute');
    expect(() => buildSchemaSet(envelope, [{ ...eventFile('OrderNoted', []), file: 'noted.avsc' }])).toThrow(
      'noted.avsc: record OrderNoted belongs in order-noted.avsc',
    );
    expect(() => buildSchemaSet(envelope, [eventFile('OrderNoted', [{ name: 'eventType', type: 'string' }])])).toThrow(
      "OrderNoted: field 'eventType' is already an envelope field",
    );
  });
});
