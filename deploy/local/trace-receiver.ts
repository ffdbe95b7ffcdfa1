import { TraceReceiver } from '@tradeflow/testing';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** The local stack's OTLP/HTTP receiver: spans from every service go to a JSON-lines file for `npm run trace`. */
const [port, file] = process.argv.slice(2);
mkdirSync(dirname(file), { recursive: true });
new TraceReceiver({ port: Number(port), file })
  .start()
  .then((url) => console.log(`OTLP/HTTP trace receiver on ${url}/v1/traces, spans in ${file}`))
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
