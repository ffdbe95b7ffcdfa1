import { findCompatibilityProblems } from '../src/compatibility';
import { readSchemaSet } from './schema-files';
import { earlierVersions, gitStatus } from './schema-history';

/**
 * CI gate: every event schema in the work tree must read records written with each version of it
 * in git history, and each of those versions must read the records it writes (FULL_TRANSITIVE, the
 * rule the registry applies to every subject).
 */
const warn = (message: string): void => console.warn(`schemas:check: warning: ${message}`);

const schemas = readSchemaSet();
const git = gitStatus();
if (!git.usable) {
  warn(`${git.reason}; the schemas are valid, but their compatibility with earlier versions was NOT checked`);
} else {
  if (git.shallow) {
    warn('this is a shallow clone: versions older than its history are not checked (run `git fetch --unshallow`)');
  }
  const problems: string[] = [];
  for (const event of schemas.events) {
    const versions = earlierVersions(event.file, event.composed, warn);
    const found = findCompatibilityProblems(event.eventType, event.composed, versions);
    problems.push(...found);
    if (found.length === 0) console.log(`${event.eventType}: compatible with ${versions.length} earlier version(s)`);
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    console.error(`schemas:check: ${problems.length} incompatible schema change(s)`);
    process.exitCode = 1;
  }
}
