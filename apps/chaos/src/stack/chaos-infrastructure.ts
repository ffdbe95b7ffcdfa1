import type { Component } from '@tradeflow/testing';
import { freePorts, runningPid, startInfrastructure } from '@tradeflow/testing';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const CHAOS_SERVICES = ['order', 'inventory', 'invoicing', 'shipping', 'crm-sync'] as const;
export type ChaosService = (typeof CHAOS_SERVICES)[number];

export interface ChaosInfrastructure {
  kafkaBrokers: string;
  schemaRegistryUrl: string;
  /** The OpenID provider whose tokens the services accept and the load presents. */
  oidcIssuerUrl: string;
  adminDatabaseUrl: string;
  databaseUrls: Record<ChaosService, string>;
  /** Stops Kafka or Postgres — SIGTERM/SIGINT, or SIGKILL when `hard` — and keeps its data. */
  halt(name: 'kafka' | 'postgres', hard?: boolean): Promise<void>;
  resume(name: 'kafka' | 'postgres'): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Kafka and Postgres of the run's own on free ports: chaos stops them, so they must never be the
 * ones other tests share. The registry and the OpenID provider are never stopped, so a given
 * SCHEMA_REGISTRY_URL or OIDC_ISSUER_URL (CI's jest run) is used; otherwise one is started too.
 */
export async function startChaosInfrastructure(): Promise<ChaosInfrastructure> {
  // In tmp and world-readable: as root, Postgres runs as the `postgres` user and must reach its data.
  const stateDir = mkdtempSync(join(tmpdir(), 'tradeflow-chaos-'));
  chmodSync(stateDir, 0o755);
  const [kafka, kafkaController, schemaRegistry, postgres, oidc] = await freePorts(5);
  const components: Component[] = [
    'kafka',
    'postgres',
    ...(process.env.SCHEMA_REGISTRY_URL ? [] : (['registry'] as const)),
    ...(process.env.OIDC_ISSUER_URL ? [] : (['oidc'] as const)),
  ];
  const infrastructure = await startInfrastructure({
    services: [...CHAOS_SERVICES],
    stateDir,
    ports: { kafka, kafkaController, schemaRegistry, postgres, oidc },
    components,
  }).catch((error: Error) => {
    rmSync(stateDir, { recursive: true, force: true });
    throw error;
  });
  // Should the run itself die, its servers must not live on (they are not detached, but not killed with it either).
  const orphanGuard = () => {
    for (const name of components) {
      const pid = runningPid(stateDir, name);
      if (pid !== undefined) process.kill(pid, name === 'postgres' ? 'SIGINT' : 'SIGKILL');
    }
  };
  process.once('exit', orphanGuard);
  // Cannot happen: this call started Postgres itself.
  if (!infrastructure.adminDatabaseUrl) throw new Error('no admin database URL');
  return {
    kafkaBrokers: infrastructure.kafkaBrokers,
    schemaRegistryUrl: infrastructure.schemaRegistryUrl,
    oidcIssuerUrl: infrastructure.oidcIssuerUrl,
    adminDatabaseUrl: infrastructure.adminDatabaseUrl,
    databaseUrls: infrastructure.databaseUrls as Record<ChaosService, string>,
    async halt(name, hard = false) {
      if (!hard) return infrastructure.halt(name);
      // A crash rather than a shutdown: no flush, no leaving the group, no checkpoint.
      const pid = runningPid(stateDir, name);
      if (pid === undefined) throw new Error(`${name} is not running`);
      process.kill(pid, 'SIGKILL');
      while (runningPid(stateDir, name) !== undefined) await sleep(50);
    },
    async resume(name) {
      try {
        await infrastructure.resume(name);
      } catch (error) {
        // libs/testing waits 90 s; Kafka recovering its logs after a SIGKILL on a busy machine may
        // take longer. Still starting is not a failed restart: wait for its port a while more.
        const port = Number((name === 'kafka' ? infrastructure.kafkaBrokers : (infrastructure.adminDatabaseUrl ?? '')).split(':').at(-1)?.split('/')[0]);
        if (runningPid(stateDir, name) === undefined || !(await portOpens(port, 300_000))) throw error;
      }
    },
    async stop() {
      process.off('exit', orphanGuard);
      await infrastructure.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

async function portOpens(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      const done = (result: boolean) => {
        socket.destroy();
        resolve(result);
      };
      socket.once('connect', () => done(true)).once('error', () => done(false)).setTimeout(1000, () => done(false));
    });
    if (open) return true;
    await sleep(1000);
  }
  return false;
}
