import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Session } from './session-store';
import type { SessionRequest } from './session.guard';

/** The signed-in person's session, set by SessionGuard on every @Allow route. */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): Session => {
  const session = context.switchToHttp().getRequest<SessionRequest>().session;
  if (!session) throw new Error('CurrentSession on a route without @Allow');
  return session;
});
