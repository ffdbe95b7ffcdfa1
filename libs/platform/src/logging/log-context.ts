import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields that identify what a log line is about beyond the trace: the event being handled. */
export interface LogContext {
  correlationId?: string;
  eventId?: string;
  eventType?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Every log line written while `work` runs carries `context` (trace and span ids come from OpenTelemetry). */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
