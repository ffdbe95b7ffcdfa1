import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { aclEntries } from './kafka-users';

describe("a KafkaUser's ACLs on the broker", () => {
  it('become one allow entry per resource and operation for User:<name>, prefixes kept', () => {
    const entries = aclEntries({
      metadata: { name: 'inventory' },
      spec: {
        authorization: {
          type: 'simple',
          acls: [
            { type: 'allow', resource: { type: 'topic', name: 'inventory.retry', patternType: 'literal' }, operations: ['Read', 'Write'] },
            { resource: { type: 'group', name: 'inventory.dlq.reader-', patternType: 'prefix' }, operations: ['Delete'] },
          ],
        },
      },
    });
    const common = { principal: 'User:inventory', host: '*', permissionType: AclPermissionTypes.ALLOW };
    expect(entries).toEqual([
      { ...common, operation: AclOperationTypes.READ, resourceType: AclResourceTypes.TOPIC, resourceName: 'inventory.retry', resourcePatternType: ResourcePatternTypes.LITERAL },
      { ...common, operation: AclOperationTypes.WRITE, resourceType: AclResourceTypes.TOPIC, resourceName: 'inventory.retry', resourcePatternType: ResourcePatternTypes.LITERAL },
      { ...common, operation: AclOperationTypes.DELETE, resourceType: AclResourceTypes.GROUP, resourceName: 'inventory.dlq.reader-', resourcePatternType: ResourcePatternTypes.PREFIXED },
    ]);
  });
});
