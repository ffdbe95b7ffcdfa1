import { loadConfig } from '@tradeflow/platform';
import { parseArgs } from 'node:util';
import { createKafka } from '../kafka/create-kafka';
import { TopicNames } from '../kafka/topic-names';
import type { DeadLetter } from './dead-letter';
import type { ReplaySelection } from './dead-letter-filter';
import { DeadLetterCommandSettings } from './dead-letter-command-settings';
import { DeadLetters } from './dead-letters';

export const USAGE = `usage: npm run dlq -- <list|replay|dismiss> --service <name> [options]

  list     the service's dead letters with their reasons (open ones unless --include-replayed/--include-dismissed)
  replay   send dead letters to the group's retry topic (<group>.retry), which that group alone reads
  dismiss  mark dead letters that must never apply (--id ... --reason <why>): never replayed, not open

  --service <name>         the service, e.g. inventory (its consumer group, unless --group)
  --group <group>          the consumer group (default: KAFKA_CONSUMER_GROUP, else the service name)
  --id <partition:offset>  one dead letter; repeatable
  --reason <reason>        list/replay: e.g. not-wire-format, unknown-schema-id, invalid-payload, handler-error;
                           dismiss: why the letters must never apply (required)
  --error-class <class>    e.g. UndecodableEventError, TypeError
  --event-type <type>      e.g. OrderApproved
  --all                    replay: every dead letter not replayed yet
  --include-replayed       list: show replayed ones too; replay: replay them again
  --include-dismissed      list: show dismissed ones too
  --json                   print JSON instead of text

environment: KAFKA_BROKERS (default 127.0.0.1:9092, the local stack), KAFKA_TOPIC_PREFIX,
KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD, KAFKA_TLS`;

/** The `npm run dlq` command; returns the exit code, so tests run it in-process. */
export async function runDeadLetterCommand(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  print: (line: string) => void = (line) => console.log(line),
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    print(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { command, values } = parsed;
  const settings = loadConfig(DeadLetterCommandSettings, env);
  const group = values.group ?? settings.KAFKA_CONSUMER_GROUP ?? (values.service as string);
  const kafka = createKafka(settings, 'tradeflow-dlq');
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const names = new TopicNames(settings.KAFKA_TOPIC_PREFIX);
  const deadLetters = new DeadLetters(kafka, producer, names.deadLetter(group), names.retry(group), names.consumerGroupId(group));
  const selection: ReplaySelection = {
    ids: values.id,
    reason: values.reason,
    errorClass: values['error-class'],
    eventType: values['event-type'],
    includeReplayed: values['include-replayed'],
    includeDismissed: values['include-dismissed'],
    all: values.all,
  };
  if (command === 'list') {
    const found = await deadLetters.list(selection);
    print(values.json ? JSON.stringify(found, null, 2) : describeList(deadLetters.topic, found));
    return 0;
  }
  await producer.connect();
  try {
    if (command === 'dismiss') {
      const result = await deadLetters.dismiss(values.id ?? [], values.reason as string);
      if (values.json) print(JSON.stringify(result, null, 2));
      else print(describeOutcome('dismissed', deadLetters.topic, result.dismissed, result.skipped));
      return 0;
    }
    const result = await deadLetters.replay(selection);
    if (values.json) print(JSON.stringify(result, null, 2));
    else print(describeOutcome('replayed', deadLetters.topic, result.replayed, result.skipped));
    return 0;
  } catch (error) {
    print((error as Error).message);
    return 1;
  } finally {
    await producer.disconnect();
  }
}

function parse(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      service: { type: 'string' },
      group: { type: 'string' },
      id: { type: 'string', multiple: true },
      reason: { type: 'string' },
      'error-class': { type: 'string' },
      'event-type': { type: 'string' },
      all: { type: 'boolean' },
      'include-replayed': { type: 'boolean' },
      'include-dismissed': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const [command, ...rest] = positionals;
  if (command !== 'list' && command !== 'replay' && command !== 'dismiss') throw new Error(`unknown command "${command ?? ''}"`);
  if (rest.length > 0) throw new Error(`unexpected arguments: ${rest.join(' ')}`);
  if (!values.service && !values.group) throw new Error('--service (or --group) is required');
  if (command === 'dismiss' && (!values.id || !values.reason?.trim())) throw new Error('dismiss needs --id (repeatable) and --reason <why>');
  return { command, values };
}

function describeList(topic: string, deadLetters: DeadLetter[]): string {
  const lines = deadLetters.map((letter) =>
    [
      letter.id.padEnd(8),
      letter.reason.padEnd(18),
      (letter.eventType ?? '-').padEnd(20),
      `key=${letter.key ?? '-'}`,
      `from ${letter.originalTopic}[${letter.originalPartition}]@${letter.originalOffset}`,
      `attempts=${letter.attempts}`,
      `last=${letter.lastFailureAt ?? '-'}`,
      letter.replayedAt ? `replayed=${letter.replayedAt}` : '',
      letter.dismissedAt ? `dismissed=${letter.dismissedAt} (${letter.dismissReason})` : '',
      `\n         ${letter.errorClass}: ${letter.errorMessage.split('\n')[0]}`,
    ].join('  '),
  );
  return [`${deadLetters.length} dead letter(s) in ${topic}`, ...lines].join('\n');
}

function describeOutcome(done: string, topic: string, ids: string[], skipped: { id: string; why: string }[]): string {
  return [`${done} ${ids.length} dead letter(s) from ${topic}: ${ids.join(' ') || '-'}`, ...skipped.map(({ id, why }) => `skipped ${id}: ${why}`)].join('\n');
}
