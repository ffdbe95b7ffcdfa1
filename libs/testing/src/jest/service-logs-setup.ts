import { setLogDestination } from '@tradeflow/platform';
import pino from 'pino';
import { repositoryRoot } from '../infra/layout';
import { SERVICE_LOGS_VARIABLE, serviceLogFile } from './service-logs-reporter';

// Runs before each integration test file, in its module registry: the services the file starts
// in-process log to its own file, which the reporter shows when a test fails. Written synchronously,
// so the log is complete when the reporter reads it, and nothing is lost when Jest exits.
const logsDir = process.env[SERVICE_LOGS_VARIABLE];
const { testPath } = expect.getState();
if (logsDir && testPath) {
  setLogDestination(pino.destination({ dest: serviceLogFile(logsDir, repositoryRoot, testPath), mkdir: true, sync: true }));
}
