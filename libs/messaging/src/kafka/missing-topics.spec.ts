import { missingTopics } from './missing-topics';

describe('missingTopics', () => {
  it('keeps only the topics the broker does not have, in the order asked', () => {
    expect(missingTopics(['order.events', 'inventory.events', 'order.dlq'], ['inventory.events', '__consumer_offsets'])).toEqual([
      'order.events',
      'order.dlq',
    ]);
  });

  it('is empty once every topic exists, so nothing is sent to the broker', () => {
    expect(missingTopics(['order.events'], ['order.events'])).toEqual([]);
  });
});
