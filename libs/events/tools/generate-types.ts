import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { renderEventsModule } from './render-events-module';
import { GENERATED_FILE, readSchemaSet, REPOSITORY_ROOT } from './schema-files';

const schemas = readSchemaSet();
writeFileSync(GENERATED_FILE, renderEventsModule(schemas));
console.log(`Wrote ${relative(REPOSITORY_ROOT, GENERATED_FILE)} from ${schemas.events.length} event schemas`);
