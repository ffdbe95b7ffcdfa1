import type { OpenAPIObject } from '@nestjs/swagger';
import { PRINTABLE } from './no-control-characters';

type Schema = Record<string, unknown>;
type Parameter = { in?: string; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; responses?: Record<string, unknown> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;
const COMPONENT_REF = '#/components/schemas/';

/**
 * Makes the document say what the ValidationPipe of startHttpService enforces, which the swagger
 * decorators cannot express: request bodies refuse properties they do not declare
 * (forbidNonWhitelisted), path parameters never carry control characters (refused before routing,
 * see control-characters-in-path.ts), and any operation that takes input can answer 400. Without
 * this, clients and fuzzers read every body as open and every 400 as undocumented.
 */
export function describeValidation(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const closed = new Set<Schema>();
  const close = (schema: unknown): void => {
    if (!schema || typeof schema !== 'object' || closed.has(schema as Schema)) return;
    const node = schema as Schema;
    closed.add(node);
    if (typeof node.$ref === 'string' && node.$ref.startsWith(COMPONENT_REF)) close(schemas[node.$ref.slice(COMPONENT_REF.length)]);
    if (node.properties && node.additionalProperties === undefined) node.additionalProperties = false;
    for (const child of Object.values((node.properties ?? {}) as Record<string, unknown>)) close(child);
    for (const key of ['items', 'allOf', 'oneOf', 'anyOf'] as const) {
      const value = node[key];
      for (const child of Array.isArray(value) ? value : [value]) close(child);
    }
  };
  for (const path of Object.values(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (path as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      for (const content of Object.values(operation.requestBody?.content ?? {})) close(content.schema);
      for (const parameter of operation.parameters ?? []) {
        const schema = parameter.schema;
        if (parameter.in === 'path' && schema?.type === 'string' && !schema.pattern && !schema.format) schema.pattern = PRINTABLE.source;
      }
      const takesInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
      operation.responses ??= {};
      if (takesInput && !operation.responses['400']) {
        operation.responses['400'] = { description: 'Invalid input (an unknown or malformed field or parameter); the message names it' };
      }
    }
  }
  return document;
}
