import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CHANNEL_KEYS } from '@tradeflow/platform';
import { ApiKey } from './api-key.entity';
import { ApiKeysService } from './api-keys.service';

/** The sales channels' keys; the global access guard finds them as CHANNEL_KEYS for `@Allow(…, { channelScope })` routes. */
@Module({
  imports: [TypeOrmModule.forFeature([ApiKey])],
  providers: [ApiKeysService, { provide: CHANNEL_KEYS, useExisting: ApiKeysService }],
  exports: [ApiKeysService, CHANNEL_KEYS],
})
export class ApiKeysModule {}
