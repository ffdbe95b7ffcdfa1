// A separate entry point: main.ts imports it before anything else, so it must stay free of Nest,
// TypeORM and pg (they have to load after the instrumentations are registered).
export { startTelemetry } from './start-telemetry';
