import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../schema-files';

export const ASYNCAPI_FILE = join(REPOSITORY_ROOT, 'docs/asyncapi.yaml');

/** The product's version, which the document carries as info.version. */
export function productVersion(): string {
  return (JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
