import type { Type } from 'avsc';
import type { DomainEvent } from '../generated/events';
import { InvalidEventError } from '../errors';
import { avroTypeOf, isEventType } from './event-types';

/** Lists what is wrong with a value as an instance of an avsc type, one entry per field path. */
export function findInvalidFields(type: Type, value: unknown): string[] {
  const problems: string[] = [];
  type.isValid(value, {
    errorHook: (path, fieldValue, fieldType) =>
      problems.push(`${formatPath(path)}: expected ${describe(fieldType)}, got ${kindOf(fieldValue)}`),
  });
  if (problems.length > 0) return problems;
  type.isValid(value, {
    noUndeclaredFields: true,
    errorHook: (path, record: Record<string, unknown>, recordType) => {
      const declared = new Set((recordType as unknown as { fields: { name: string }[] }).fields.map((f) => f.name));
      const undeclared = Object.keys(record).filter((key) => !declared.has(key));
      problems.push(`${formatPath(path)}: undeclared field(s) ${undeclared.join(', ')}`);
    },
  });
  return problems;
}

/** Checks an event against its local schema before it is stored in an outbox or published. */
export function assertValidEvent(event: unknown): asserts event is DomainEvent {
  const eventType = (event as { eventType?: unknown } | null)?.eventType;
  if (!isEventType(eventType)) {
    throw new InvalidEventError(`Unknown event type ${JSON.stringify(eventType)}`);
  }
  const problems = findInvalidFields(avroTypeOf(eventType), event);
  if (problems.length > 0) {
    throw new InvalidEventError(`Invalid ${eventType} event`, problems);
  }
}

function formatPath(path: string[]): string {
  if (path.length === 0) return '(record)';
  return path.map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

function describe(type: Type): string {
  if (type.typeName === 'logical:uuid') return 'a UUID string';
  if (type.typeName.startsWith('union')) {
    return (type as unknown as { types: Type[] }).types.map(describe).join(' or ');
  }
  return type.name ?? type.typeName;
}

/** The kind of a value, never the value itself: events carry customer data that must stay out of logs. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a fractional number';
  return typeof value;
}
