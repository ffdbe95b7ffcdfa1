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

/**
 * Why `candidate` may not replace the versions before it; empty when it may.
 *
 * BACKWARD_TRANSITIVE: the candidate must read records written with every earlier version. avsc's
 * own schema resolution has the final word; the field-level comparison only names what broke.
 * On top of that, a field may not be removed while the latest earlier version has it without a
 * default: consumers still running that version could not read the new records. Giving the field
 * a default first and removing it in a later change passes.
 *
 * @param earlier every earlier version, oldest first, without the candidate itself
 */
export function findCompatibilityProblems(
  eventType: string,
  candidate: AvroRecordSchema,
  earlier: readonly SchemaVersion[],
): string[] {
  const reader = createAvroType(candidate);
  const problems: string[] = [];
  earlier.forEach((version, index) => {
    const writer = createAvroType(version.schema);
    const differences = findSchemaDifferences(reader, writer);
    const resolutionError = resolutionErrorOf(reader, writer);
    if (resolutionError !== undefined) {
      const unreadable = differences.filter(isUnreadable);
      problems.push(
        ...(unreadable.length > 0
          ? unreadable.map((difference) => `${eventType}: ${describeUnreadable(difference)}, so records written by ${version.label} cannot be read`)
          : [`${eventType}: records written by ${version.label} cannot be read: ${resolutionError}`]),
      );
    }
    if (index === earlier.length - 1) {
      problems.push(
        ...differences
          .filter((difference) => difference.kind === 'removed-without-default')
          .map(
            (difference) =>
              `${eventType}: field '${difference.path}' was removed, but it has no default in ${version.label}, ` +
              'so consumers still reading with that version cannot read new records; give it a default first and remove it in a later change',
          ),
      );
    }
  });
  return problems;
}

function resolutionErrorOf(reader: Type, writer: Type): string | undefined {
  try {
    reader.createResolver(writer);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

type UnreadableDifference = Exclude<SchemaDifference, { kind: 'removed-without-default' }>;

function isUnreadable(difference: SchemaDifference): difference is UnreadableDifference {
  return difference.kind !== 'removed-without-default';
}

function describeUnreadable(difference: UnreadableDifference): string {
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
