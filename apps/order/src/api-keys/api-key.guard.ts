import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { ApiClient } from './api-keys.service';
import { ApiKeysService } from './api-keys.service';
import { REQUIRED_SCOPE } from './requires-scope.decorator';

export type AuthenticatedRequest = Request & { apiClient: ApiClient };

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.header('x-api-key');
    if (!key) throw new UnauthorizedException('x-api-key header is required');
    const client = await this.keys.authenticate(key);
    if (!client) throw new UnauthorizedException('API key is unknown or revoked');
    const scope = this.reflector.get<string>(REQUIRED_SCOPE, context.getHandler());
    if (scope && !client.scopes.includes(scope)) throw new ForbiddenException(`API key lacks scope ${scope}`);
    request.apiClient = client;
    return true;
  }
}
