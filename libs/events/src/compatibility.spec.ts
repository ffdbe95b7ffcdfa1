import type { SchemaVersion } from './compatibility';
import { findCompatibilityProblems } from './compatibility';
import type { AvroField, AvroRecordSchema } from './schema/avro-schema';

const line: AvroField = {
  name: 'lines',
  type: {
    type: 'array',
    items: { type: 'record', name: 'Line', fields: [{ name: 'sku', type: 'string' }, { name: 'quantity', type: 'int' }] },
  },
};

function schema(...fields: AvroField[]): AvroRecordSchema {
  return { type: 'record', name: 'OrderPlaced', namespace: 'tradeflow.events', fields: [{ name: 'orderId', type: 'string' }, ...fields] };
}

function versions(...schemas: AvroRecordSchema[]): SchemaVersion[] {
  return schemas.map((s, index) => ({ label: `version ${index + 1} (commit c0ffee${index})`, schema: s }));
}

const check = (candidate: AvroRecordSchema, ...earlier: AvroRecordSchema[]) =>
  findCompatibilityProblems('OrderPlaced', candidate, versions(...earlier));

describe('findCompatibilityProblems', () => {
  it('accepts an unchanged schema and the first version of a schema', () => {
    expect(check(schema(line), schema(line))).toEqual([]);
    expect(check(schema(line))).toEqual([]);
  });

  it('rejects a field added without a default, naming the field and the version', () => {
    expect(check(schema(line, { name: 'channel', type: 'string' }), schema(line))).toEqual([
      "OrderPlaced: field 'channel' was added without a default, so records written by version 1 (commit c0ffee0) cannot be read",
    ]);
  });

  it('accepts an optional field added with a default', () => {
    expect(check(schema(line, { name: 'note', type: ['null', 'string'], default: null }), schema(line))).toEqual([]);
  });

  it('rejects a type change Avro cannot promote, naming the nested field', () => {
    const quantityAsString: AvroField = JSON.parse(JSON.stringify(line).replace('"type":"int"', '"type":"string"'));
    expect(check(schema(quantityAsString), schema(line))).toEqual([
      "OrderPlaced: field 'lines[].quantity' changed type from int to string, which Avro cannot promote, so records written by version 1 (commit c0ffee0) cannot be read",
    ]);
  });

  it('accepts a promotable type change (int to long)', () => {
    const quantityAsLong: AvroField = JSON.parse(JSON.stringify(line).replace('"type":"int"', '"type":"long"'));
    expect(check(schema(quantityAsLong), schema(line))).toEqual([]);
  });

  it('accepts making a field nullable but not making a nullable field required', () => {
    const required: AvroField = { name: 'channel', type: 'string' };
    const nullable: AvroField = { name: 'channel', type: ['null', 'string'], default: null };
    expect(check(schema(nullable), schema(required))).toEqual([]);
    expect(check(schema(required), schema(nullable))).toEqual([
      "OrderPlaced: field 'channel' changed type from null to string, which Avro cannot promote, so records written by version 1 (commit c0ffee0) cannot be read",
    ]);
  });

  it('rejects removing a field that has no default, because consumers on the previous version could not read new records', () => {
    expect(check(schema(), schema(line))).toEqual([
      "OrderPlaced: field 'lines' was removed, but it has no default in version 1 (commit c0ffee0), so consumers still reading with that version cannot read new records; give it a default first and remove it in a later change",
    ]);
  });

  it('accepts removing a field once the previous version gave it a default', () => {
    const withDefault: AvroField = { ...line, default: [] };
    expect(check(schema(), schema(line), schema(withDefault))).toEqual([]);
  });

  it('checks transitively: every earlier version must stay readable, not just the latest', () => {
    const v1 = schema(line);
    const v2 = schema(line, { name: 'channel', type: 'string', default: 'web' });
    const v3 = schema(line, { name: 'channel', type: 'string' });
    expect(check(v3, v2)).toEqual([]);
    expect(check(v3, v1, v2)).toEqual([
      "OrderPlaced: field 'channel' was added without a default, so records written by version 1 (commit c0ffee0) cannot be read",
    ]);
  });
});
