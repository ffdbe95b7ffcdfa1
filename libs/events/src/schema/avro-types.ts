import { Type, types } from 'avsc';
import type { AvroSchema } from './avro-schema';

type AvscSchema = Parameters<typeof Type.forSchema>[0];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lets avsc refuse an id that is not a UUID, when encoding and when validating a decoded record. */
class UuidType extends types.LogicalType {
  protected override _fromValue(value: string): string {
    return value;
  }

  protected override _toValue(value: unknown): string | undefined {
    return typeof value === 'string' && UUID.test(value) ? value : undefined;
  }

  protected override _resolve(writer: Type): ((value: string) => string) | undefined {
    return Type.isType(writer, 'string', 'logical:uuid') ? (value) => value : undefined;
  }
}

/**
 * Every avsc type in this library is made here, so writers and readers agree on options.
 * timestamp-millis stays a plain long: events carry epoch milliseconds as numbers.
 */
export function createAvroType(schema: AvroSchema): Type {
  return Type.forSchema(schema as AvscSchema, { logicalTypes: { uuid: UuidType } });
}
