import { execFileSync } from 'node:child_process';
import type { SchemaVersion } from '../src/compatibility';
import type { AvroRecordSchema } from '../src/schema/avro-schema';
import { parseEnvelopeSchemaFile } from '../src/schema/compose-event-schema';
import { composeSource, ENVELOPE_FILE, REPOSITORY_ROOT } from './schema-files';

export type GitStatus = { usable: true; shallow: boolean } | { usable: false; reason: string };

export function gitStatus(): GitStatus {
  try {
    const shallow = git(['rev-parse', '--is-shallow-repository']).trim() === 'true';
    return { usable: true, shallow };
  } catch (error) {
    return { usable: false, reason: `git is missing or ${REPOSITORY_ROOT} is not a git work tree (${firstLine(error)})` };
  }
}

/**
 * The committed versions of an event's composed schema before `candidate`, oldest first, numbered
 * from 1. A version changes when either the event's file or the envelope changes; commits that
 * changed neither in effect are skipped, as are commits where the file did not exist yet. Trailing
 * versions equal to the candidate (it is usually committed already) are not earlier versions.
 */
export function earlierVersions(eventFile: string, candidate: AvroRecordSchema, warn: (message: string) => void): SchemaVersion[] {
  const envelopePath = `./schemas/${ENVELOPE_FILE}`;
  const eventPath = `./schemas/${eventFile}`;
  const commits = git(['log', '--reverse', '--format=%H', '--', envelopePath, eventPath]).split('\n').filter(Boolean);
  const versions: SchemaVersion[] = [];
  let previous = '';
  for (const commit of commits) {
    const envelopeText = show(commit, envelopePath);
    const eventText = show(commit, eventPath);
    if (envelopeText === undefined || eventText === undefined) continue;
    let composed;
    try {
      composed = composeSource(parseEnvelopeSchemaFile(envelopeText, ENVELOPE_FILE), eventFile, eventText).composed;
    } catch (error) {
      warn(`${eventFile} at commit ${commit.slice(0, 7)} is not a valid schema, so it is not compared: ${firstLine(error)}`);
      continue;
    }
    const canonical = JSON.stringify(composed);
    if (canonical === previous) continue;
    previous = canonical;
    versions.push({ label: `version ${versions.length + 1} (commit ${commit.slice(0, 7)})`, schema: composed });
  }
  const candidateText = JSON.stringify(candidate);
  while (versions.length > 0 && JSON.stringify(versions[versions.length - 1].schema) === candidateText) versions.pop();
  return versions;
}

function show(commit: string, path: string): string | undefined {
  try {
    return git(['show', `${commit}:${path}`]);
  } catch {
    return undefined;
  }
}

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: REPOSITORY_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function firstLine(error: unknown): string {
  return String((error as Error).message ?? error).split('\n')[0];
}
