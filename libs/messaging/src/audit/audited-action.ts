import type { Principal } from '@tradeflow/platform';
import { AsyncLocalStorage } from 'node:async_hooks';

/** A request to an audited route, as the audit record describes it. */
export interface AuditedAction {
  action: string;
  /** Method and route template: `POST /v1/shipments/:id/dispatch`. */
  route: string;
  targets: Record<string, string>;
  principal: Principal;
  reason: string | null;
  requestId: string;
  /** Set once a committed transaction holds the record, so a request records its action once. */
  recorded: boolean;
}

const current = new AsyncLocalStorage<AuditedAction>();

/** Runs a request's handler with its action in scope, so the transaction it runs can record it. */
export function runAudited<T>(action: AuditedAction, work: () => T): T {
  return current.run(action, work);
}

export function currentAuditedAction(): AuditedAction | undefined {
  return current.getStore();
}

/**
 * Adds what the action did to its audit record, before its transaction writes it: a bulk load has
 * no single id to name, so it names its counts. Outside an audited request it does nothing.
 */
export function noteAuditTargets(targets: Record<string, string>): void {
  const action = current.getStore();
  if (action && !action.recorded) action.targets = { ...action.targets, ...targets };
}

const ID_FIELD = /(?:Id|Ref)$/;
const ID_LIST_FIELD = /^(?:ids|.+Ids)$/;

/** The ids a request names: its path parameters, then its body's `*Id`/`*Ref` strings and `ids` lists. */
export function targetsOf(params: Record<string, string>, body: unknown): Record<string, string> {
  const targets: Record<string, string> = { ...params };
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
      if (field in targets) continue;
      if (ID_FIELD.test(field) && typeof value === 'string') targets[field] = value;
      if (ID_LIST_FIELD.test(field) && Array.isArray(value) && value.every((item) => typeof item === 'string')) {
        targets[field] = value.join(',');
      }
    }
  }
  return targets;
}
