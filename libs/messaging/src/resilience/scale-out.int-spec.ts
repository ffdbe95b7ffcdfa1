import { approved, eventually, FixtureUnderTest, startFixtureProcess } from '@tradeflow/testing';
import { AssignerProtocol } from 'kafkajs';
import type { FixtureProcess } from '@tradeflow/testing';

/** The fixture service as its own process, once it is ready. */
async function startReplica(env: Record<string, string>): Promise<FixtureProcess> {
  const replica = await startFixtureProcess(env);
  await eventually(() => replica.status('/health/ready'), (status) => status === 200, { timeoutMs: 90_000, intervalMs: 250 }).catch(
    async (error: Error) => {
      await replica.stop('SIGKILL');
      throw new Error(`${error.message}\n${replica.output()}`);
    },
  );
  return replica;
}

describe('two replicas of a service in one consumer group (real Kafka, registry, Postgres)', () => {
  const harness = new FixtureUnderTest();
  const replicas: FixtureProcess[] = [];
  beforeAll(() => harness.database());
  afterAll(async () => {
    for (const replica of replicas) await replica.stop('SIGKILL');
    await harness.stop();
  });

  const group = async () => {
    const admin = harness.kafkaClient.admin();
    await admin.connect();
    try {
      const [description] = (await admin.describeGroups([harness.groupId])).groups;
      const members = description.members.map((member) => {
        const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
        // The orders topic's partitions (the group also reads its retry topic).
        return assignment?.assignment[harness.topic] ?? [];
      });
      const committed = await admin.fetchOffsets({ groupId: harness.groupId, topics: [harness.topic] });
      const ends = await admin.fetchTopicOffsets(harness.topic);
      const lagging = committed[0].partitions.filter(
        ({ partition, offset }) => offset !== ends.find((end) => end.partition === partition)?.high,
      );
      return { state: description.state, members, lagging: lagging.length };
    } finally {
      await admin.disconnect();
    }
  };

  it('split the partitions; a replica SIGKILLed mid-run loses and duplicates nothing; SIGTERM commits and leaves', async () => {
    const env = (replica: string) =>
      harness.environment({
        KAFKA_TOPIC_PARTITIONS: '4',
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        KAFKA_HEARTBEAT_INTERVAL_MS: '1000',
        // Small fetches (about 80 records) and a slow handler: a kill lands inside a batch.
        CONSUMER_MAX_BYTES_PER_PARTITION: '16384',
        FIXTURE_HANDLER_DELAY_MS: '3',
        FIXTURE_REPLICA: replica,
      });
    replicas.push(...(await Promise.all([startReplica(env('a')), startReplica(env('b'))])));
    const [a, b] = replicas;
    const split = await eventually(group, (found) => found.members.length === 2 && found.members.every((partitions) => partitions.length === 2));
    expect(split.members.flat().sort()).toEqual([0, 1, 2, 3]);

    const events = Array.from({ length: 2000 }, (_, index) => approved(`scale-${index % 100}`, Math.floor(index / 100) + 1));
    for (let start = 0; start < events.length; start += 250) await harness.produce(events.slice(start, start + 250));
    const applied = () => harness.query<{ n: number }>(`SELECT count(*)::int AS n FROM fixture_effects`);
    await eventually(applied, ([row]) => row.n >= 500, { timeoutMs: 60_000, intervalMs: 100 });
    a.child.kill('SIGKILL');
    await a.exited;
    const [atKill] = await applied();
    expect(atKill.n).toBeLessThan(events.length);

    const counts = await eventually(() => harness.effectCounts(), (found) => found.size === events.length, { timeoutMs: 90_000, intervalMs: 500 });
    expect([...counts.values()].filter((count) => count !== 1)).toEqual([]);
    expect(events.every((event) => counts.get(event.eventId) === 1)).toBe(true);
    const byReplica = await harness.query<{ replica: string; n: number }>(
      `SELECT replica, count(*)::int AS n FROM fixture_effects GROUP BY replica ORDER BY replica`,
    );
    expect(byReplica.map(({ replica }) => replica)).toEqual(['a', 'b']);

    b.child.kill('SIGTERM');
    const [code, signal] = await b.exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    // Left the group (no session timeout to wait for) with every offset committed.
    expect(await group()).toMatchObject({ state: 'Empty', members: [], lagging: 0 });
  }, 240_000);
});
