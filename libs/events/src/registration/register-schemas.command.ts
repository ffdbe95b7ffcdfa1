import { ConfluentSchemaRegistryClient } from '../codec/confluent-schema-registry-client';
import { registerEventSchemas } from './register-event-schemas';

/**
 * `npm run schemas:register`, and the Kubernetes Job `schema-registration` (node
 * libs/events/src/registration/register-schemas.command.js in any service image): registers every
 * event schema before a service produces. Settings as the services': SCHEMA_REGISTRY_URL (default: the
 * local stack's), SCHEMA_REGISTRY_USERNAME/PASSWORD, KAFKA_TOPIC_PREFIX.
 */
const LOCAL_REGISTRY = 'http://127.0.0.1:8081/apis/ccompat/v7';

async function main(): Promise<void> {
  const registryUrl = process.env.SCHEMA_REGISTRY_URL || LOCAL_REGISTRY;
  const { SCHEMA_REGISTRY_USERNAME: username, SCHEMA_REGISTRY_PASSWORD: password = '' } = process.env;
  const registry = new ConfluentSchemaRegistryClient({ registryUrl, auth: username ? { username, password } : undefined });
  const registered = await registerEventSchemas(registry, process.env.KAFKA_TOPIC_PREFIX ?? '');
  for (const { subject, schemaId } of registered) console.log(`${subject}: schema ${schemaId}`);
  console.log(`schemas:register: ${registered.length} subjects registered at ${registryUrl}, each FULL_TRANSITIVE`);
}

main().catch((error: Error) => {
  console.error(`schemas:register: ${error.message}`);
  process.exit(1);
});
