import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import { repositoryRoot } from '../kafka-access';

type Schema = Record<string, unknown> & { $id: string; $defs: Record<string, Record<string, unknown>> };
type GroupVersionKind = { group: string; version: string; kind: string };

/**
 * Validators for the built-in kinds, from Kubernetes' own OpenAPI as JSON Schema in its "strict"
 * form (every object closed: an unknown field is an error), fetched once by fetch-k8s-schemas.
 */
export class CoreSchemas {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  private readonly definitionsId: string;
  /** "apps/v1 Deployment" → "io.k8s.api.apps.v1.Deployment" */
  private readonly definitionByKind = new Map<string, string>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(schemaDir = fetchCoreSchemas()) {
    const definitions = JSON.parse(readFileSync(join(schemaDir, '_definitions.json'), 'utf8')) as Schema;
    addKubernetesFormats(this.ajv);
    this.ajv.addSchema(definitions);
    this.definitionsId = definitions.$id;
    for (const [id, definition] of Object.entries(definitions.$defs)) {
      const kinds = (definition['x-kubernetes-group-version-kind'] ?? []) as GroupVersionKind[];
      for (const { group, version, kind } of kinds) {
        this.definitionByKind.set(`${group ? `${group}/` : ''}${version} ${kind}`, id);
      }
    }
  }

  has(apiVersion: string, kind: string): boolean {
    return this.definitionByKind.has(`${apiVersion} ${kind}`);
  }

  /** Problems as "path: message"; empty when the object is valid. */
  validate(object: { apiVersion: string; kind: string }): string[] {
    const id = this.definitionByKind.get(`${object.apiVersion} ${object.kind}`);
    if (!id) return [`no Kubernetes schema for ${object.apiVersion} ${object.kind}`];
    return this.run(id, object);
  }

  /** ObjectMeta, for the metadata of custom resources (their CRD schemas leave it open). */
  validateMetadata(metadata: unknown): string[] {
    return this.run('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', metadata, '/metadata');
  }

  private run(id: string, value: unknown, path = ''): string[] {
    let validate = this.compiled.get(id);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${this.definitionsId}#/$defs/${id}` });
      this.compiled.set(id, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((error) => formatError(error, path));
  }
}

export function formatError(error: { instancePath: string; message?: string; params: Record<string, unknown> }, path = ''): string {
  const detail = error.params.additionalProperty ? ` "${String(error.params.additionalProperty)}"` : '';
  return `${path + error.instancePath || '/'}: ${error.message ?? 'invalid'}${detail}`;
}

/** The OpenAPI formats Kubernetes uses; the numeric ones are checked, the rest only typed. */
export function addKubernetesFormats(ajv: { addFormat(name: string, format: unknown): unknown }): void {
  const integer = (bits: number) => ({
    type: 'number',
    validate: (value: number) => Number.isInteger(value) && Math.abs(value) <= 2 ** (bits - 1),
  });
  ajv.addFormat('int32', integer(32));
  ajv.addFormat('int64', integer(64));
  for (const name of ['double', 'float', 'byte', 'date-time', 'date', 'duration', 'uri', 'password', 'quantity']) {
    ajv.addFormat(name, true);
  }
}

/** Runs the idempotent fetch script (milliseconds once cached) and returns the schema folder. */
export function fetchCoreSchemas(): string {
  const script = join(repositoryRoot, 'deploy/k8s/tools/fetch-k8s-schemas');
  return execFileSync('sh', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}
