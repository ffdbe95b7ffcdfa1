import { execFileSync } from 'node:child_process';
import { loadAll } from 'js-yaml';

/** A Kubernetes object as rendered: only the fields every object has are typed. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** Renders a kustomization with the kustomize built into kubectl; needs no cluster. */
export function render(kustomizationDir: string): K8sObject[] {
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', kustomizationDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: string };
    if (code === 'ENOENT') throw new Error('kubectl not found on PATH: it renders the Kustomize overlays (kubectl kustomize)');
    throw new Error(`kubectl kustomize ${kustomizationDir} failed: ${stderr ?? String(error)}`);
  }
  return parseManifests(output);
}

export function parseManifests(yaml: string): K8sObject[] {
  return loadAll(yaml).filter((document): document is K8sObject => document !== null && typeof document === 'object');
}

export const describe = (object: K8sObject) => `${object.kind}/${object.metadata?.name ?? '<no name>'}`;

export const ofKind = (objects: K8sObject[], kind: string) => objects.filter((object) => object.kind === kind);
