import { EnvBoolean } from './env-boolean';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { AccessSettings } from '../access/access-settings';

/** Settings every service has. App settings classes extend this (through MessagingSettings). */
export class ServiceSettings extends AccessSettings {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  /** Prometheus scrapes `/metrics` here, a port of its own so the API's NetworkPolicy need not admit monitoring; 0 picks a free one. */
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT: number = 9464;

  @IsString()
  @Matches(/^[0-9.]+$|^localhost$|^[a-z0-9.-]+$|^::$/i, { message: 'must be a host name or IP address' })
  HOST: string = '127.0.0.1';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @EnvBoolean()
  RUN_MIGRATIONS: boolean = true;

  @IsInt()
  @Min(1024)
  HTTP_BODY_LIMIT_BYTES: number = 1_048_576;
}
