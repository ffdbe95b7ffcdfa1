import { randomUUID } from 'node:crypto';
import type { UnitOfWork } from '../outbox/unit-of-work';
import type { AuditedAction } from './audited-action';
import { AuditRecord } from './audit-record.entity';

/**
 * Writes the record of an action inside the unit of work that performs it, and publishes
 * AuditRecorded through the same outbox: the action, its record and its event commit or fail together.
 */
export async function recordAudit(unit: UnitOfWork, action: AuditedAction): Promise<void> {
  const id = randomUUID();
  const targetId = Object.values(action.targets)[0] ?? action.action;
  const { principal } = action;
  await unit.manager.insert(AuditRecord, {
    id,
    recordedAt: new Date(),
    action: action.action,
    targetId,
    targets: action.targets,
    actorSubject: principal.subject,
    actorClient: principal.client,
    actorRoles: principal.roles,
    actorVia: principal.via,
    route: action.route,
    reason: action.reason,
    requestId: action.requestId,
    correlationId: unit.origin.correlationId,
  });
  unit.publish(
    'AuditRecorded',
    {
      auditId: id,
      action: action.action,
      targetId,
      targets: action.targets,
      actorSubject: principal.subject,
      actorClient: principal.client,
      actorRoles: principal.roles,
      route: action.route,
      reason: action.reason,
      requestId: action.requestId,
    },
    { id, version: 1 },
  );
}
