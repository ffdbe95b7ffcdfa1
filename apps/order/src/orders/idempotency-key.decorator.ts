import type { ExecutionContext } from '@nestjs/common';
import { BadRequestException, createParamDecorator } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/** The write's `Idempotency-Key` header; every order write needs one (400 without). */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const key = context.switchToHttp().getRequest<Request>().header('idempotency-key');
  if (!key || !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestException('Idempotency-Key header is required: 1-128 letters, digits, ".", "_", ":" or "-"');
  }
  return key;
});

/** The header as the OpenAPI document shows it, with the same rule. */
export const ApiIdempotencyKey = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'Same key + same body → the first answer',
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
  });
