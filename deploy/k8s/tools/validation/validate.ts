import { CoreSchemas } from './core-schemas';
import { CrdSchemas } from './crd-schemas';
import type { K8sObject } from './manifests';
import { describe } from './manifests';

/**
 * Schema-checks every object: built-in kinds against Kubernetes' schemas, custom resources against
 * their CRDs (and their metadata against ObjectMeta). A kind with neither is an error, not a skip.
 */
export class ManifestValidator {
  constructor(
    private readonly core = new CoreSchemas(),
    private readonly crds = new CrdSchemas(),
  ) {}

  problems(objects: K8sObject[]): string[] {
    return objects.flatMap((object) => this.check(object).map((problem) => `${describe(object)} ${problem}`));
  }

  private check(object: K8sObject): string[] {
    const { apiVersion, kind } = object;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') return ['has no apiVersion or kind'];
    if (this.core.has(apiVersion, kind)) return this.core.validate(object);
    if (this.crds.has(apiVersion, kind)) return [...this.crds.validate(object), ...this.core.validateMetadata(object.metadata)];
    return [`${apiVersion} ${kind}: no schema, neither a built-in kind nor one of the CRDs`];
  }
}
