import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { loadAll } from 'js-yaml';
import { repositoryRoot } from '../kafka-access';
import { addKubernetesFormats, formatError } from './core-schemas';

/** The unmodified operator CRDs (deploy/k8s/crds, provenance in its README); TRADEFLOW_K8S_CRDS checks against another set. */
export const defaultCrdDir = () => process.env.TRADEFLOW_K8S_CRDS ?? join(repositoryRoot, 'deploy/k8s/crds');

type OpenApiSchema = Record<string, unknown>;
interface CustomResourceDefinition {
  kind: string;
  spec: {
    group: string;
    names: { kind: string };
    versions: { name: string; served: boolean; schema?: { openAPIV3Schema: OpenApiSchema } }[];
  };
}

/**
 * CRD patterns are Go (RE2) expressions, which put flags inline: the Prometheus Operator's
 * `^(?i)(abort|warn)?$`. JavaScript refuses that group and takes the flags apart.
 */
const goPattern = Object.assign(
  (pattern: string, flags: string) => {
    const inline = /^(\^?)\(\?([ims]+)\)/.exec(pattern);
    if (!inline) return new RegExp(pattern, flags);
    return new RegExp(inline[1] + pattern.slice(inline[0].length), flags + inline[2]);
  },
  { code: 'goPattern' },
);

/**
 * Validators for custom resources (Strimzi, CloudNativePG, KEDA) from the openAPIV3Schema of their
 * CRDs, made as strict as the API server with field validation "Strict" (kubectl's default): an
 * object that lists its properties accepts no other field, unless it says
 * x-kubernetes-preserve-unknown-fields. CEL rules (x-kubernetes-validations) are not evaluated.
 */
export class CrdSchemas {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, code: { regExp: goPattern } });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(crdDir = defaultCrdDir()) {
    addKubernetesFormats(this.ajv);
    const files = readdirSync(crdDir).filter((file) => /\.ya?ml$/.test(file));
    if (files.length === 0) throw new Error(`no CRD files in ${crdDir} (set TRADEFLOW_K8S_CRDS to their folder)`);
    for (const file of files) {
      for (const document of loadAll(readFileSync(join(crdDir, file), 'utf8')) as CustomResourceDefinition[]) {
        if (document?.kind !== 'CustomResourceDefinition') continue;
        const { group, names, versions } = document.spec;
        for (const { name, served, schema } of versions) {
          if (!served || !schema) continue;
          const strict = closeObjects(structuredClone(schema.openAPIV3Schema));
          this.validators.set(`${group}/${name} ${names.kind}`, this.ajv.compile(strict));
        }
      }
    }
  }

  has(apiVersion: string, kind: string): boolean {
    return this.validators.has(`${apiVersion} ${kind}`);
  }

  validate(object: { apiVersion: string; kind: string }): string[] {
    const validate = this.validators.get(`${object.apiVersion} ${object.kind}`);
    if (!validate) return [`no CRD schema for ${object.apiVersion} ${object.kind}`];
    return validate(object) ? [] : (validate.errors ?? []).map((error) => formatError(error));
  }

  kinds(): string[] {
    return [...this.validators.keys()];
  }
}

/** Walks the schema keywords only, so a field named like a keyword ("type", "properties") is left alone. */
function closeObjects(schema: OpenApiSchema): OpenApiSchema {
  const children = (value: unknown): OpenApiSchema[] =>
    Array.isArray(value) ? value : value && typeof value === 'object' ? [value as OpenApiSchema] : [];
  const properties = schema.properties as Record<string, OpenApiSchema> | undefined;
  for (const child of [
    ...Object.values(properties ?? {}),
    ...children(schema.items),
    ...children(schema.additionalProperties),
    ...children(schema.not),
    ...['allOf', 'anyOf', 'oneOf'].flatMap((keyword) => children(schema[keyword])),
  ]) {
    closeObjects(child);
  }
  const open = schema['x-kubernetes-preserve-unknown-fields'] === true || 'additionalProperties' in schema;
  if (properties && !open) schema.additionalProperties = false;
  return schema;
}
