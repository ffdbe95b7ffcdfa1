import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { runDeadLetterCommand } from '../src/dead-letter/dead-letter-command';

// The command's output is its answer: only errors from the Kafka client, and not kafkajs 2.2.4's
// harmless TimeoutNegativeWarning on Node 24.
Logger.overrideLogger(['error', 'fatal']);
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'TimeoutNegativeWarning') console.error(`${warning.name}: ${warning.message}`);
});

// `npm run dlq -- list|replay --service <name> ...`; see USAGE in dead-letter-command.ts.
runDeadLetterCommand(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
