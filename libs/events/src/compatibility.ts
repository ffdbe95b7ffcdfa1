import type { Type } from 'avsc';
import type { AvroRecordSchema } from './schema/avro-schema';
import { createAvroType } from './schema/avro-types';
import type { SchemaDifference } from './schema/schema-differences';
import { findSchemaDifferences } from './schema/schema-differences';

export interface SchemaVersion {
  /** How messages name the version, e.g. "version 2 (commit abc1234)". */
  label: string;
  /** The composed schema (envelope fields, then the event's). */
  schema: AvroRecordSchema;
}

type UnreadableDifference = Exclude<SchemaDifference, { kind: 'removed-without-default' }>;

/**
 * Why `candidate` may not replace the versions before it; empty when it may.
 *
 * FULL_TRANSITIVE, the rule of the public topics (docs/design.md#compatibility): the candidate must read records
 * written with every earlier version (backward: consumers upgrade first), and every earlier version
 * must read records the candidate writes (forward: outside consumers upgrade when they like). avsc's
 * schema resolution has the final word; the field-level comparison only names what broke.
 *
 * @param earlier every earlier version, oldest first, without the candidate itself
 */
export function findCompatibilityProblems(
  eventType: string,
  candidate: AvroRecordSchema,
  earlier: readonly SchemaVersion[],
): string[] {
  const candidateType = createAvroType(candidate);
  return earlier.flatMap((version) => {
    const versionType = createAvroType(version.schema);
    return [
      ...problemsReading(candidateType, versionType, (difference) => `${describeBackward(difference)}, so records written by ${version.label} cannot be read`),
      ...problemsReading(versionType, candidateType, (difference) => `${describeForward(difference, version.label)}, so consumers still reading with ${version.label} cannot read new records`),
    ].map((problem) => `${eventType}: ${problem}`);
  });
}

/** What stops `reader` from reading what `writer` wrote, each difference described by `describe`. */
function problemsReading(reader: Type, writer: Type, describe: (difference: UnreadableDifference) => string): string[] {
  const resolutionError = resolutionErrorOf(reader, writer);
  if (resolutionError === undefined) return [];
  const unreadable = findSchemaDifferences(reader, writer).filter(isUnreadable);
  return unreadable.length > 0 ? unreadable.map(describe) : [`the schemas do not resolve: ${resolutionError}`];
}

function resolutionErrorOf(reader: Type, writer: Type): string | undefined {
  try {
    reader.createResolver(writer);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function isUnreadable(difference: SchemaDifference): difference is UnreadableDifference {
  return difference.kind !== 'removed-without-default';
}

/** The candidate reads an earlier version's records. */
function describeBackward(difference: UnreadableDifference): string {
  const subject = difference.path ? `field '${difference.path}'` : 'the record';
  switch (difference.kind) {
    case 'added-without-default':
      return `${subject} was added without a default`;
    case 'type-changed':
      return `${subject} changed type from ${difference.from} to ${difference.to}, which Avro cannot promote`;
    case 'enum-symbols-removed':
      return `${subject} lost enum symbol(s) ${difference.symbols.join(', ')} and has no enum default`;
  }
}

/** An earlier version reads the candidate's records: the reader is the old schema, so the kinds read the other way round. */
function describeForward(difference: UnreadableDifference, label: string): string {
  const subject = difference.path ? `field '${difference.path}'` : 'the record';
  switch (difference.kind) {
    case 'added-without-default':
      return `${subject} was removed while ${label} has it without a default`;
    case 'type-changed':
      return `${subject} changed type from ${difference.to} to ${difference.from}, which Avro cannot read as ${difference.to}`;
    case 'enum-symbols-removed':
      return `${subject} gained enum symbol(s) ${difference.symbols.join(', ')}, which ${label} does not know and has no enum default for`;
  }
}
