import { ConflictException, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { IdempotencyRecord } from './idempotency-record.entity';

export interface IdempotentRequest {
  scope: string;
  key: string;
  body: unknown;
}

export type Claim<T> = { kind: 'new' } | { kind: 'replay'; response: T };

function hashBody(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/**
 * Works inside the write's transaction: the key is inserted first, so a concurrent retry waits on
 * the row until the first request commits, then gets its stored answer. Same key with another
 * body → 409.
 */
@Injectable()
export class IdempotencyService {
  async claim<T>(manager: EntityManager, request: IdempotentRequest): Promise<Claim<T>> {
    const requestHash = hashBody(request.body);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(IdempotencyRecord)
      .values({ scope: request.scope, key: request.key, requestHash })
      .orIgnore()
      .returning(['scope'])
      .execute();
    if (inserted.raw.length > 0) return { kind: 'new' };
    const first = await manager.findOneByOrFail(IdempotencyRecord, { scope: request.scope, key: request.key });
    if (first.requestHash !== requestHash) {
      throw new ConflictException(`${request.key} was already used with a different body`);
    }
    return { kind: 'replay', response: first.response as T };
  }

  async complete(manager: EntityManager, request: IdempotentRequest, statusCode: number, response: unknown) {
    await manager.update(IdempotencyRecord, { scope: request.scope, key: request.key }, { statusCode, response: response as object });
  }
}
