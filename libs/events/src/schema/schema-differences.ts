import { Type } from 'avsc';

export type SchemaDifference =
  | { kind: 'added-without-default'; path: string }
  | { kind: 'removed-without-default'; path: string }
  | { kind: 'type-changed'; path: string; from: string; to: string }
  | { kind: 'enum-symbols-removed'; path: string; symbols: string[] };

interface RecordField {
  name: string;
  aliases: string[];
  type: Type;
  defaultValue(): unknown;
}

/** Avro's promotions: a reader of the right-hand type can read data written with the left-hand one. */
const PROMOTIONS: Record<string, string[]> = {
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  string: ['bytes'],
  bytes: ['string'],
};

/**
 * Field by field, what stops `reader` from reading data written with `writer` (and which writer
 * fields without a default the reader dropped), named by path such as `lines[].quantity`.
 */
export function findSchemaDifferences(reader: Type, writer: Type): SchemaDifference[] {
  const differences: SchemaDifference[] = [];
  compare(reader, writer, '', differences);
  return differences;
}

function compare(readerType: Type, writerType: Type, path: string, out: SchemaDifference[]): void {
  const reader = underlying(readerType);
  const writer = underlying(writerType);
  if (isUnion(writer)) {
    for (const branch of branches(writer)) compare(reader, branch, path, out);
    return;
  }
  if (isUnion(reader)) {
    const match = branches(reader).find((branch) => sameKind(branch, writer)) ??
      branches(reader).find((branch) => isPromotable(writer, branch));
    if (match) compare(match, writer, path, out);
    else out.push({ kind: 'type-changed', path, from: describe(writer), to: describe(reader) });
    return;
  }
  if (sameKind(reader, writer)) {
    compareSameKind(reader, writer, path, out);
  } else if (!isPromotable(writer, reader)) {
    out.push({ kind: 'type-changed', path, from: describe(writer), to: describe(reader) });
  }
}

function compareSameKind(reader: Type, writer: Type, path: string, out: SchemaDifference[]): void {
  const r = reader as unknown as Record<string, unknown>;
  const w = writer as unknown as Record<string, unknown>;
  switch (reader.typeName) {
    case 'record':
      compareRecords(r['fields'] as RecordField[], w['fields'] as RecordField[], path, out);
      return;
    case 'array':
      compare(r['itemsType'] as Type, w['itemsType'] as Type, `${path}[]`, out);
      return;
    case 'map':
      compare(r['valuesType'] as Type, w['valuesType'] as Type, `${path}{}`, out);
      return;
    case 'enum': {
      const readerSymbols = r['symbols'] as string[];
      const removed = (w['symbols'] as string[]).filter((symbol) => !readerSymbols.includes(symbol));
      if (removed.length > 0 && r['default'] === undefined) out.push({ kind: 'enum-symbols-removed', path, symbols: removed });
      return;
    }
    case 'fixed':
      if (r['size'] !== w['size']) out.push({ kind: 'type-changed', path, from: describe(writer), to: describe(reader) });
      return;
  }
}

function compareRecords(readerFields: RecordField[], writerFields: RecordField[], path: string, out: SchemaDifference[]): void {
  const matched = new Set<RecordField>();
  for (const field of readerFields) {
    const fieldPath = path ? `${path}.${field.name}` : field.name;
    const source = writerFields.find((candidate) => [field.name, ...field.aliases].includes(candidate.name));
    if (source) {
      matched.add(source);
      compare(field.type, source.type, fieldPath, out);
    } else if (field.defaultValue() === undefined) {
      out.push({ kind: 'added-without-default', path: fieldPath });
    }
  }
  for (const field of writerFields) {
    if (!matched.has(field) && field.defaultValue() === undefined) {
      out.push({ kind: 'removed-without-default', path: path ? `${path}.${field.name}` : field.name });
    }
  }
}

function underlying(type: Type): Type {
  return Type.isType(type, 'logical') ? (type as unknown as { underlyingType: Type }).underlyingType : type;
}

function isUnion(type: Type): boolean {
  return Type.isType(type, 'union');
}

function branches(union: Type): Type[] {
  return (union as unknown as { types: Type[] }).types.map(underlying);
}

function sameKind(a: Type, b: Type): boolean {
  if (a.typeName !== b.typeName) return false;
  if (a.name === undefined) return true;
  return a.name === b.name || (a.aliases ?? []).includes(b.name ?? '');
}

function isPromotable(writer: Type, reader: Type): boolean {
  return PROMOTIONS[writer.typeName]?.includes(reader.typeName) ?? false;
}

function describe(type: Type): string {
  return type.name ? `${type.typeName} ${type.name}` : type.typeName;
}
