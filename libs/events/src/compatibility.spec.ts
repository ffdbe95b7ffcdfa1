import type { SchemaVersion } from './compatibility';
import { findCompatibilityProblems } from './compatibility';
import type { AvroField, AvroRecordSchema } from './schema/avro-schema';
import { createAvroType } from './schema/avro-types';

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

  it('rejects a type change Avro cannot resolve either way, naming the nested field', () => {
    const quantityAsString: AvroField = JSON.parse(JSON.stringify(line).replace('"type":"int"', '"type":"string"'));
    expect(check(schema(quantityAsString), schema(line))).toEqual([
      "OrderPlaced: field 'lines[].quantity' changed type from int to string, which Avro cannot promote, so records written by version 1 (commit c0ffee0) cannot be read",
      "OrderPlaced: field 'lines[].quantity' changed type from int to string, which Avro cannot read as int, so consumers still reading with version 1 (commit c0ffee0) cannot read new records",
    ]);
  });

  describe('changes BACKWARD accepts and FULL refuses: consumers that have not upgraded could not read new records', () => {
    it('a promotion (int to long): the new reader reads old ints, an old reader cannot read longs', () => {
      const quantityAsLong: AvroField = JSON.parse(JSON.stringify(line).replace('"type":"int"', '"type":"long"'));
      // BACKWARD alone: the new schema reads the old records.
      expect(() => createAvroType(schema(quantityAsLong)).createResolver(createAvroType(schema(line)))).not.toThrow();
      expect(check(schema(quantityAsLong), schema(line))).toEqual([
        "OrderPlaced: field 'lines[].quantity' changed type from int to long, which Avro cannot read as int, so consumers still reading with version 1 (commit c0ffee0) cannot read new records",
      ]);
    });

    it('removing a field that has no default: the new reader ignores it, an old reader misses it', () => {
      expect(check(schema(), schema(line))).toEqual([
        "OrderPlaced: field 'lines' was removed while version 1 (commit c0ffee0) has it without a default, so consumers still reading with version 1 (commit c0ffee0) cannot read new records",
      ]);
    });

    it('removing it after a version that gave it a default: the first version still has none (transitive)', () => {
      const withDefault: AvroField = { ...line, default: [] };
      expect(check(schema(), schema(line), schema(withDefault))).toEqual([
        "OrderPlaced: field 'lines' was removed while version 1 (commit c0ffee0) has it without a default, so consumers still reading with version 1 (commit c0ffee0) cannot read new records",
      ]);
    });

    it('making a required field nullable: an old reader cannot read a null', () => {
      const required: AvroField = { name: 'channel', type: 'string' };
      const nullable: AvroField = { name: 'channel', type: ['null', 'string'], default: null };
      expect(check(schema(nullable), schema(required))).toEqual([
        "OrderPlaced: field 'channel' changed type from string to null, which Avro cannot read as string, so consumers still reading with version 1 (commit c0ffee0) cannot read new records",
      ]);
    });
  });

  it('accepts removing a field that had a default in every version', () => {
    const withDefault: AvroField = { ...line, default: [] };
    expect(check(schema(), schema(withDefault))).toEqual([]);
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
