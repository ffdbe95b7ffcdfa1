import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEPLOYED_SERVICES } from './services';

/**
 * The services' images as the overlays pull them: a kustomize Component (components/images) that
 * both overlays include, mapping each `tradeflow/<service>` of the base to `<registry>/tradeflow/<service>`
 * pinned by digest. Committed with a placeholder registry and digest that no cluster can pull, so a
 * release that forgets to fill them fails at the first pull instead of running something else.
 * A release fills them from the digests `npm run image` wrote:
 *   npm run k8s:generate -- --images <registry>
 */
export const PLACEHOLDER_REGISTRY = 'registry.invalid';
export const PLACEHOLDER_DIGEST = `sha256:${'0'.repeat(64)}`;

export interface ImageReference {
  name: string;
  newName: string;
  digest: string;
}

export function placeholderImages(): ImageReference[] {
  return DEPLOYED_SERVICES.map(({ name }) => reference(name, PLACEHOLDER_REGISTRY, PLACEHOLDER_DIGEST));
}

/** From `.tradeflow/images/<service>.digest` of every deployed service; refuses if one is missing. */
export function builtImages(registry: string, imagesDir: string): ImageReference[] {
  if (!/^[a-z0-9.-]+(:[0-9]+)?(\/[a-z0-9._-]+)*\/?$/.test(registry)) throw new Error(`--images needs a registry, e.g. registry.example.com/team (got "${registry}")`);
  return DEPLOYED_SERVICES.map(({ name }) => {
    const file = join(imagesDir, `${name}.digest`);
    if (!existsSync(file)) throw new Error(`${file} is missing: npm run image -- ${name}`);
    return reference(name, registry, readFileSync(file, 'utf8').trim());
  });
}

export function imagesComponent(images: ImageReference[]): object {
  return { apiVersion: 'kustomize.config.k8s.io/v1alpha1', kind: 'Component', images };
}

function reference(service: string, registry: string, digest: string): ImageReference {
  if (!/^sha256:[0-9a-f]{64}$/.test(digest)) throw new Error(`${service}: "${digest}" is not a sha256 digest`);
  return { name: `tradeflow/${service}`, newName: `${registry.replace(/\/+$/, '')}/tradeflow/${service}`, digest };
}
