import type { CanActivate, ExecutionContext } from '@nestjs/common';
import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  Logger,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { AccessPolicy, PrincipalPolicy, SignedPolicy } from './access-policy';
import { ACCESS_POLICY } from './access-policy';
import { BearerTokens, InvalidToken, IssuerUnavailable } from './bearer-tokens';
import type { ChannelKeys, WebhookPartners } from './credentials';
import { CHANNEL_KEYS, WEBHOOK_PARTNERS } from './credentials';
import type { Principal } from './principal';
import type { SignedWebhookRequest } from './signed-webhook';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../http/webhook-signature';
import { verifyWebhook } from './webhook-verification';
import { MAX_REASON_LENGTH, READABLE } from '../http/reason';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

/**
 * Every HTTP route of every service passes here (a global guard). It reads the route's one policy
 * (allow.decorator.ts) and lets the call through only with the credential that policy names: no
 * credential → 401, a valid one without the right → 403. A route that declares no policy is refused:
 * a forgotten decorator closes a door instead of opening it.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: BearerTokens,
    private readonly modules: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<SignedWebhookRequest>();
    if (!policy) {
      this.logger.error(`${request.method} ${request.path} declares no access policy; refused`);
      throw new ForbiddenException('this route declares no access policy');
    }
    if (policy.kind === 'open') return true;
    if (policy.kind === 'signed') {
      this.verifySignature(request, policy);
      return true;
    }
    request.principal = await this.authenticate(request, policy);
    authorize(request.principal, policy);
    if (policy.reasonRequired && request.principal.via !== 'api-key') requireReason(request.body, policy.reasonField ?? 'reason');
    return true;
  }

  private async authenticate(request: SignedWebhookRequest, policy: PrincipalPolicy): Promise<Principal> {
    const authorization = request.header('authorization');
    const apiKey = request.header('x-api-key');
    if (authorization) {
      const token = BEARER.exec(authorization)?.[1];
      if (!token) throw new UnauthorizedException('authorization must be "Bearer <token>"');
      return this.verifyToken(token);
    }
    if (apiKey && policy.channelScope) {
      const keys = this.optional<ChannelKeys>(CHANNEL_KEYS);
      const client = keys && (await keys.authenticate(apiKey));
      if (!client) throw new UnauthorizedException('API key is unknown or revoked');
      if (!client.scopes.includes(policy.channelScope)) throw new ForbiddenException(`API key lacks scope ${policy.channelScope}`);
      return { subject: client.channel, client: client.channel, roles: [], channel: client.channel, via: 'api-key' };
    }
    const accepted = policy.channelScope ? 'a bearer token or an x-api-key header' : 'a bearer token (authorization: Bearer …)';
    throw new UnauthorizedException(`${accepted} is required`);
  }

  private async verifyToken(token: string): Promise<Principal> {
    try {
      return await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidToken) throw new UnauthorizedException(error.message);
      if (error instanceof IssuerUnavailable) {
        this.logger.warn(error.message);
        throw new ServiceUnavailableException('the identity provider is unavailable; retry later');
      }
      throw error;
    }
  }

  private verifySignature(request: SignedWebhookRequest, policy: SignedPolicy): void {
    const partner = this.optional<WebhookPartners>(WEBHOOK_PARTNERS)?.[policy.partner];
    if (!partner) throw new Error(`no webhook secrets configured for ${policy.partner}`);
    const result = verifyWebhook(
      { timestamp: request.header(TIMESTAMP_HEADER), signature: request.header(SIGNATURE_HEADER), body: request.rawBody },
      { secrets: partner.secrets, toleranceSeconds: partner.toleranceSeconds, nowMs: Date.now() },
    );
    if (!result.valid) throw new UnauthorizedException(`Webhook refused: ${result.reason}`);
    request.principal = { subject: policy.partner, client: policy.partner, roles: [], via: 'signature' };
    // A timestamp is accepted until tolerance after it; after that the signature cannot be replayed anyway.
    request.verifiedSignature = { signature: result.signature, expiresAt: new Date((result.timestamp + partner.toleranceSeconds) * 1000) };
  }

  private optional<T>(token: symbol): T | undefined {
    try {
      return this.modules.get<T>(token, { strict: false });
    } catch {
      return undefined;
    }
  }
}

function authorize(principal: Principal, policy: PrincipalPolicy): void {
  if (principal.via === 'api-key') return;
  if (policy.roles.some((role) => principal.roles.includes(role))) return;
  throw new ForbiddenException(`needs one of the roles ${policy.roles.join(', ')}`);
}

function requireReason(body: unknown, field: string): void {
  const reason = (body as Record<string, unknown> | undefined)?.[field];
  if (typeof reason !== 'string' || !READABLE.test(reason)) throw new BadRequestException(`${field} is required: say why you take this action`);
  if (reason.length > MAX_REASON_LENGTH) throw new BadRequestException(`${field} must be at most ${MAX_REASON_LENGTH} characters`);
}
