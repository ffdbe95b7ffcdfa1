import type { Consumer } from 'kafkajs';

/**
 * Right after a topic is created the broker may not yet report it in metadata, and kafkajs'
 * subscribe fails instead of waiting. Retries that one retriable case with a short backoff.
 */
export async function subscribeWhenReady(consumer: Consumer, topics: string[], attempts = 20): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await consumer.subscribe({ topics, fromBeginning: true });
      return;
    } catch (error) {
      const retriable = (error as { retriable?: boolean }).retriable === true;
      if (!retriable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}
