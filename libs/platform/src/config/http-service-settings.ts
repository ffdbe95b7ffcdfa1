import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { AccessSettings } from '../access/access-settings';

/**
 * What startHttpService and the logs need of every service: ports, host, body limit, log level, and
 * who may call it (AccessSettings). Apps extend libs/service's ServiceSettings, which builds on this.
 */
export class HttpServiceSettings extends AccessSettings {
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

  @IsInt()
  @Min(1024)
  HTTP_BODY_LIMIT_BYTES: number = 1_048_576;
}
