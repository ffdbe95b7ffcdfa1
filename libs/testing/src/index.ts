export {
  infrastructureStatus,
  startInfrastructure,
  stopInfrastructure,
  type Component,
  type ComponentStatus,
  type Endpoints,
  type Infrastructure,
  type InfrastructureStatus,
  type StartedComponent,
  type StartInfrastructureOptions,
} from './infra/infrastructure';
export { createDatabase, databaseIdentifier } from './infra/database';
export { databaseUrlVariable, PORT_VARIABLES, type InfrastructurePorts } from './infra/settings';
export { defaultStateDir } from './infra/layout';
export { freePorts } from './infra/ports';
export { DEFAULT_COMPATIBILITY } from './infra/registry';
export { eventually } from './eventually';
export { requiredEnv, TestKafka, uniqueTopicPrefix, type ReceivedRecord } from './kafka/test-kafka';
export { ScramKafkaClient, type KafkaTopicResource, type KafkaUserResource } from './kafka/kafka-users';
export type { KafkaScram, ScramUser } from './infra/kafka';
export { runningPid, startProcess, stopProcess, waitUntilReady } from './infra/process';
export { TraceReceiver } from './telemetry/trace-receiver';
export type { ReceivedSpan } from './telemetry/otlp-span';
export { CORRELATION_ATTRIBUTE, renderTraceTree, spansOfCorrelation } from './telemetry/trace-tree';
export { devAccessToken, devAuthorization } from './oidc/dev-access-token';
export { loadProducts, productOf, publishedProduct, type LoadProductsOptions, type ProductRecord, type ProductServices } from './products/load-products';
export { DEV_AUDIENCE, DEV_CLIENT_ROLES, DEV_CLIENTS, DEV_PEOPLE, devClientSecret, type DevClient } from './oidc/dev-identities';
export {
  ServiceUnderTest,
  serviceUnderTestEnv,
  type HttpAnswer,
  type HttpRequest,
  type ServiceEndpoints,
  type ServiceUnderTestOptions,
} from './service-under-test';
export { approved, FIXTURE_MIGRATE_SCRIPT, FixtureUnderTest } from './messaging-fixture/fixture-under-test';
export { startFixtureProcess, type FixtureProcess, type OutputLine } from './messaging-fixture/fixture-process';
