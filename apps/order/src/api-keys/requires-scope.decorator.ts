import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiKeyGuard } from './api-key.guard';
import type { ApiScope } from './api-scopes';

export const REQUIRED_SCOPE = 'requiredScope';

/** The route needs an `x-api-key` header whose key carries `scope`: 401 without, 403 with another. */
export function RequiresScope(scope: ApiScope) {
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPE, scope),
    UseGuards(ApiKeyGuard),
    ApiSecurity('api-key'),
    ApiUnauthorizedResponse({ description: 'No API key, or an unknown or revoked one' }),
    ApiForbiddenResponse({ description: `The key lacks the scope ${scope}` }),
  );
}
