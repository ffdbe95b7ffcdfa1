import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { readSchemaSet, REPOSITORY_ROOT } from '../schema-files';
import { ASYNCAPI_FILE, productVersion } from './asyncapi-files';
import { renderAsyncApiYaml } from './render-asyncapi';
import { asyncApiErrors } from './validate-asyncapi';

/** npm run asyncapi:generate: writes docs/asyncapi.yaml, refusing a document the AsyncAPI parser finds invalid. */
async function main(): Promise<void> {
  const schemas = readSchemaSet();
  const yaml = renderAsyncApiYaml({ schemas, version: productVersion() });
  const errors = await asyncApiErrors(yaml);
  if (errors.length > 0) throw new Error(`the generated AsyncAPI document is invalid:\n${errors.join('\n')}`);
  writeFileSync(ASYNCAPI_FILE, yaml);
  console.log(`Wrote ${relative(REPOSITORY_ROOT, ASYNCAPI_FILE)}: ${schemas.events.length} event types on their topics`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
