import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ChannelKeys } from '@tradeflow/platform';
import { createHash } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import { ApiKey } from './api-key.entity';

export interface ApiClient {
  channel: string;
  scopes: string[];
}

/** Keys are long random strings, so a plain SHA-256 is a safe, fast lookup hash (no salt needed). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

@Injectable()
export class ApiKeysService implements ChannelKeys {
  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>) {}

  async authenticate(key: string): Promise<ApiClient | null> {
    const found = await this.keys.findOneBy({ keyHash: hashApiKey(key) });
    if (!found || found.revokedAt) return null;
    return { channel: found.channel, scopes: found.scopes };
  }

  /**
   * Revokes the keys with these SHA-256 hashes (ORDER_REVOKED_API_KEYS): from now on they get 401.
   * Hashes, not keys, so the setting holds no secret; a revoked key stays revoked even if bootstrapped again.
   */
  async revoke(keyHashes: string[]): Promise<number> {
    const result = await this.keys.update({ keyHash: In(keyHashes), revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }

  /** Creates or updates keys from their `channel:key:scope,scope` form, several separated by `;` (the bootstrap setting). */
  async ensure(specs: string): Promise<void> {
    for (const spec of specs.split(';')) {
      const [channel, key, scopes] = splitSpec(spec);
      await this.keys.upsert({ channel, keyHash: hashApiKey(key), scopes }, { conflictPaths: ['keyHash'] });
    }
  }
}

/** Scopes contain colons (`orders:write`), so only the first two colons separate the parts. */
function splitSpec(spec: string): [string, string, string[]] {
  const first = spec.indexOf(':');
  const second = spec.indexOf(':', first + 1);
  return [spec.slice(0, first), spec.slice(first + 1, second), spec.slice(second + 1).split(',')];
}
