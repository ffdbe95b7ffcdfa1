export { runService, startService } from './start-service';
export type { RunningService, ServiceDefinition } from './start-service';
export { serviceRuntimeModules } from './service-runtime';
export type { ServiceRuntimeOptions } from './service-runtime';
export { runMigrateCommand } from './migrate-command';
export { ServiceSettings } from './service-settings';
