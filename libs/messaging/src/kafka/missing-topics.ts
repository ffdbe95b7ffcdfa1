/**
 * The topics still to create. Asking the broker to create one that exists makes it answer
 * TOPIC_ALREADY_EXISTS, which kafkajs treats as success but logs as an error on every start.
 */
export function missingTopics(wanted: readonly string[], existing: readonly string[]): string[] {
  const present = new Set(existing);
  return wanted.filter((topic) => !present.has(topic));
}
