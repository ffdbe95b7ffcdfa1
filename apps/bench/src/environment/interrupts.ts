/**
 * What a run has started and must stop when it is interrupted. Node exits at once on Ctrl-C or
 * SIGTERM, skipping every `finally`: the services, Kafka, the registry and Postgres the run started
 * stayed behind, holding ports and gigabytes. Each start registers its stop here; an interrupt runs
 * them, newest first, then exits.
 */
const stops: (() => Promise<void>)[] = [];

/** Registers `stop` for an interrupt; call the returned function once it has run the normal way. */
export function stopOnInterrupt(stop: () => Promise<void>): () => void {
  stops.push(stop);
  return () => {
    const index = stops.indexOf(stop);
    if (index >= 0) stops.splice(index, 1);
  };
}

/** Installed once by main.ts (not by the smoke test, whose runner handles its own signals). */
export function stopEverythingOnInterrupt(log: (line: string) => void): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: stopping everything this run started`);
      void (async () => {
        for (const stop of stops.splice(0).reverse()) await stop().catch((error: Error) => log(`while stopping: ${error.message}`));
        process.exit(signal === 'SIGINT' ? 130 : 143);
      })();
    });
  }
}
