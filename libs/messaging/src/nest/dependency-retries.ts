import type { LoggerService } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { asError } from '../dead-letter/dead-letter-reason';
import type { BackoffOptions } from '@tradeflow/platform';
import { backoffDelay } from '@tradeflow/platform';

/** What a start-up log line says about a dependency: its kind and where it was looked for (never a credential). */
export interface Dependency {
  name: 'postgres' | 'kafka' | 'schema registry';
  target: string;
}

/** A dependency's first try answers within 2 s (connect timeouts are shorter), then tries back off to this. */
export const DEPENDENCY_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 15_000 };

/**
 * Runs `attempt` until it succeeds, logging each failure with the dependency's name and the next
 * try, then once when it is reached after failing. Tries that run in the background while the
 * service works pass `stopped`, which ends them at shutdown; their waits never hold the process open.
 */
export async function untilReachable(
  dependency: Dependency,
  attempt: () => Promise<void>,
  logger: LoggerService,
  stopped?: () => boolean,
): Promise<void> {
  for (let failures = 0; ; failures++) {
    try {
      await attempt();
      if (failures > 0) logger.log({ msg: `${dependency.name} reachable`, dependency: dependency.name, target: dependency.target, failures });
      return;
    } catch (error) {
      if (stopped?.()) throw error;
      const retryInMs = backoffDelay(failures + 1, DEPENDENCY_BACKOFF);
      logger.warn({
        msg: `${dependency.name} unreachable; retrying`,
        dependency: dependency.name,
        target: dependency.target,
        attempt: failures + 1,
        retryInMs,
        error: asError(error).message,
      });
      await sleep(retryInMs, undefined, { ref: !stopped });
    }
  }
}

/** `host:port/database` of a postgres:// URL, without user or password. */
export function databaseTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}
