import { setTimeout as sleep } from 'node:timers/promises';
import type { ChaosProfile } from '../chaos-profile';
import type { ChaosInfrastructure } from '../stack/chaos-infrastructure';
import type { ChaosStack } from '../stack/chaos-stack';

export interface FaultTally {
  /** Service SIGKILLs, by service. */
  kills: Record<string, number>;
  brokerRestarts: number;
  postgresRestarts: number;
  /** When the last fault was over (its server or service ready again), ms since the epoch. */
  lastFaultEndedAt: number;
  /** Restarted services that did not report ready within the supervisor's limit. */
  notReadyAgain: string[];
}

type Outage = { at: number; server: 'kafka' | 'postgres'; hard: boolean };

/**
 * Kafka and Postgres outages spread evenly over the first 85 % of the load, interleaved so they
 * never overlap: Kafka alternately crashed (SIGKILL) and shut down cleanly, Postgres by a fast
 * shutdown (every connection dropped at once; SIGKILL would leave its workers holding memory).
 */
export function planOutages(profile: ChaosProfile): Outage[] {
  const servers: Outage['server'][] = [];
  for (let round = 0; round < Math.max(profile.brokerRestarts, profile.postgresRestarts); round++) {
    if (round < profile.brokerRestarts) servers.push('kafka');
    if (round < profile.postgresRestarts) servers.push('postgres');
  }
  const window = profile.loadSeconds * 850;
  let kafkaIndex = 0;
  return servers.map((server, index) => ({
    at: (window * (index + 1)) / (servers.length + 1),
    server,
    hard: server === 'kafka' && kafkaIndex++ % 2 === 0,
  }));
}

/**
 * Runs until `loadSeconds` are over: a random service SIGKILLed and started again every few
 * seconds, and the planned infrastructure outages. Returns what it did.
 */
export async function injectFaults(
  profile: ChaosProfile,
  stack: ChaosStack,
  infrastructure: ChaosInfrastructure,
  log: (line: string) => void,
): Promise<FaultTally> {
  const tally: FaultTally = { kills: {}, brokerRestarts: 0, postgresRestarts: 0, lastFaultEndedAt: Date.now(), notReadyAgain: [] };
  const start = Date.now();
  const end = start + profile.loadSeconds * 1000;
  const services = Object.values(stack);

  // Restarts run on while the next kill comes; only a service that answers again is killed again.
  const restarts: Promise<void>[] = [];
  const kills = (async () => {
    for (;;) {
      await sleep(profile.killEverySeconds * 1000 * (0.5 + Math.random()));
      if (Date.now() >= end) return;
      const ready = services.filter((service) => service.ready);
      if (ready.length === 0) continue;
      const service = ready[Math.floor(Math.random() * ready.length)];
      tally.kills[service.name] = (tally.kills[service.name] ?? 0) + 1;
      log(`SIGKILL ${service.name}`);
      const { readyAgain } = await service.kill(Math.random() * 2000);
      restarts.push(
        readyAgain.then(
          () => void (tally.lastFaultEndedAt = Math.max(tally.lastFaultEndedAt, Date.now())),
          // Still serving perhaps, but never ready: counted, and never killed again.
          (error: Error) => void tally.notReadyAgain.push(error.message),
        ),
      );
    }
  })();

  const outages = (async () => {
    for (const outage of planOutages(profile)) {
      await sleep(Math.max(0, start + outage.at - Date.now()));
      log(`${outage.server} ${outage.hard ? 'SIGKILL' : 'stopped'} for ${profile.outageSeconds} s`);
      await infrastructure.halt(outage.server, outage.hard);
      await sleep(profile.outageSeconds * 1000);
      await infrastructure.resume(outage.server);
      log(`${outage.server} back`);
      if (outage.server === 'kafka') tally.brokerRestarts++;
      else tally.postgresRestarts++;
      tally.lastFaultEndedAt = Math.max(tally.lastFaultEndedAt, Date.now());
    }
  })();

  await Promise.all([kills, outages]);
  await Promise.all(restarts);
  return tally;
}
