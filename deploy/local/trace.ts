import type { ReceivedSpan } from '@tradeflow/testing';
import { defaultStateDir, renderTraceTree, spansOfCorrelation } from '@tradeflow/testing';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * npm run trace -- <orderId> [--all]: the trace of everything the order caused, as a tree of spans
 * per service with each span's duration and error. Database query spans are left out unless --all.
 */
const [orderId, ...flags] = process.argv.slice(2);
const showQueries = flags.includes('--all');
const file = join(defaultStateDir(), 'traces', 'spans.jsonl');
if (!orderId) {
  console.error('usage: npm run trace -- <orderId>');
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`no spans yet in ${file}: is the local stack running (npm start)?`);
  process.exit(1);
}
const spans = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as ReceivedSpan);
const trace = spansOfCorrelation(spans, orderId).filter((span) => showQueries || !span.name.startsWith('pg.'));
if (trace.length === 0) {
  console.error(`no spans for ${orderId} yet (spans are exported every few seconds)`);
  process.exit(1);
}
for (const traceId of new Set(trace.map((span) => span.traceId))) {
  console.log(`trace ${traceId}`);
  console.log(renderTraceTree(trace.filter((span) => span.traceId === traceId)));
}
