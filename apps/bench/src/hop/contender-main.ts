import 'reflect-metadata';
import { CeilingContender } from './ceiling/ceiling-contender';
import type { Contender } from './contender';
import { contenderEnvironment } from './contender';
import type { ContenderName } from './hop-events';
import { OursContender } from './ours/ours-service';
import { PeerContender } from './peer/peer-contender';

/**
 * Entry point of a contender process (forked by ContenderProcess): each contender runs alone in a
 * process of its own, like a service, so the bench's producer and observer never share its event loop.
 * Commands arrive over the IPC channel; each is answered with `done` or `failed`.
 */
export type ContenderCommand = 'start' | 'stop' | 'exit';
export type ContenderReply = { state: 'loaded' } | { state: 'done'; command: ContenderCommand } | { state: 'failed'; error: string };

const makers: Record<ContenderName, () => Contender> = {
  ceiling: () => new CeilingContender(contenderEnvironment()),
  peer: () => new PeerContender(contenderEnvironment()),
  ours: () => new OursContender(),
};

const reply = (message: ContenderReply, then?: () => void) => process.send?.(message, then);
const contender = makers[process.argv[2] as ContenderName]();

process.on('message', (command: ContenderCommand) => {
  const work = command === 'start' ? contender.start() : contender.stop();
  work.then(
    // After `exit` the process ends explicitly: pools and sockets would otherwise keep it alive for a while.
    () => reply({ state: 'done', command }, command === 'exit' ? () => process.exit(0) : undefined),
    (error: Error) => reply({ state: 'failed', error: error.stack ?? error.message }),
  );
});
reply({ state: 'loaded' });
