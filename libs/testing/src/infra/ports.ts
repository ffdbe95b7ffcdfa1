import { createServer, type AddressInfo, type Server } from 'node:net';

export const LOCALHOST = '127.0.0.1';

/** Fails with a message naming the port and the variable that sets it, before any process is spawned. */
export async function assertPortFree(port: number, variable: string): Promise<void> {
  const free = await canListen(port);
  if (!free) throw new Error(`port ${port} (${variable}) is already in use on ${LOCALHOST}`);
}

/**
 * Distinct ports the OS just handed out (all held open until every one is known, so none repeats).
 * Another process could take one before our server binds it, which is rare enough for tests.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => listenOnAnyPort()));
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

function listenOnAnyPort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LOCALHOST, () => resolve(server));
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, LOCALHOST, () => server.close(() => resolve(true)));
  });
}
