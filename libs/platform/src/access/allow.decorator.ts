import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiSecurity, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AccessPolicy, PrincipalPolicy } from './access-policy';
import { ACCESS_POLICY } from './access-policy';
import type { Partner, Role } from './roles';

/** The policy as the OpenAPI document shows it (`x-tradeflow-access`), for clients and the route-walking e2e test. */
function described(policy: AccessPolicy) {
  return applyDecorators(SetMetadata(ACCESS_POLICY, policy), ApiExtension('x-tradeflow-access', policy));
}

/**
 * Bearer tokens with any of `roles` may call the route; with `channelScope`, channel API keys
 * with that scope too. `action` makes each successful call an audit record.
 */
export function Allow(roles: readonly Role[], options: Omit<PrincipalPolicy, 'kind' | 'roles'> = {}) {
  const policy: PrincipalPolicy = { kind: 'principal', roles, ...options };
  const who = [...roles, ...(options.channelScope ? [`channel key with ${options.channelScope}`] : [])].join(', ');
  return applyDecorators(
    described(policy),
    ApiBearerAuth('bearer'),
    ...(options.channelScope ? [ApiSecurity('api-key')] : []),
    ApiUnauthorizedResponse({ description: 'No credential, or an invalid, expired or revoked one' }),
    ApiForbiddenResponse({ description: `Valid credential without the right: needs ${who}` }),
    ApiTooManyRequestsResponse({ description: 'Rate limit of this principal exceeded; see Retry-After' }),
  );
}

/** Only a webhook signed by `partner` (timestamp, HMAC-SHA256, one of its active secrets). */
export function SignedBy(partner: Partner) {
  return applyDecorators(
    described({ kind: 'signed', partner }),
    ApiUnauthorizedResponse({ description: 'Missing or wrong signature, timestamp out of tolerance, or replay; nothing stored' }),
  );
}

/** No credential at all; `why` is kept with the route so a reviewer sees the reason. */
export function Open(why: string) {
  return described({ kind: 'open', why });
}
