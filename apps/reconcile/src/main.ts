import { runReconcile } from './command/reconcile-command';

// `npm run reconcile -- [options]` (or `nx run reconcile:reconcile`); see USAGE in command/reconcile-options.ts.
void runReconcile(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
