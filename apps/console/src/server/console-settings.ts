import { IsSecret, Secret } from '@tradeflow/platform';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

const URL_OPTIONS = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };
const serviceUrl = (service: string) => IsUrl(URL_OPTIONS, { message: `must be the ${service} service's base URL, e.g. http://${service}:3000` });

/** Every setting of the console's backend-for-frontend, validated at boot (README "Console"). */
export class ConsoleSettings {
  @IsInt()
  @Min(0)
  @Max(65535)
  CONSOLE_PORT: number = 3000;

  @IsString()
  @Matches(/^[0-9.]+$|^localhost$|^[a-z0-9.-]+$|^::$/i, { message: 'must be a host name or IP address' })
  HOST: string = '127.0.0.1';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** `development` allows the session cookie over plain http and an http issuer; anything else requires https. */
  @IsIn(['development', 'production'])
  NODE_ENV: string = 'production';

  /** Where people's browsers reach the console; the login callback is `<base>/auth/callback`. */
  @IsUrl(URL_OPTIONS, { message: 'must be the URL people open, e.g. https://console.example' })
  CONSOLE_BASE_URL: string = 'http://127.0.0.1:3000';

  @IsUrl(URL_OPTIONS, { message: 'must be the OpenID issuer URL, e.g. https://keycloak.example/realms/tradeflow' })
  OIDC_ISSUER_URL!: string;

  /** Where the roles are in the ID token: `roles`, or Keycloak's `realm_access.roles`. */
  @Matches(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, { message: 'must be a claim name or a dotted path such as realm_access.roles' })
  OIDC_ROLES_CLAIM: string = 'roles';

  @IsString()
  @Matches(/^\S+$/, { message: 'must be the OAuth2 client id of the console' })
  CONSOLE_CLIENT_ID: string = 'tradeflow-console';

  @IsSecret(8)
  CONSOLE_CLIENT_SECRET!: Secret;

  /** Signs the session cookie; a new value logs everyone out. */
  @IsSecret(32)
  CONSOLE_SESSION_SECRET!: Secret;

  @serviceUrl('order') CONSOLE_ORDER_URL: string = 'http://127.0.0.1:3001';
  @serviceUrl('inventory') CONSOLE_INVENTORY_URL: string = 'http://127.0.0.1:3002';
  @serviceUrl('invoicing') CONSOLE_INVOICING_URL: string = 'http://127.0.0.1:3003';
  @serviceUrl('shipping') CONSOLE_SHIPPING_URL: string = 'http://127.0.0.1:3004';
  @serviceUrl('crm-sync') CONSOLE_CRM_SYNC_URL: string = 'http://127.0.0.1:3005';

  /** A link to the trace in production, e.g. https://grafana.example/explore?traceId={traceId}. */
  @IsOptional()
  @Matches(/^https?:\/\/\S*\{traceId\}\S*$/, { message: 'must be an http(s) URL containing {traceId}' })
  CONSOLE_TRACE_URL_TEMPLATE?: string;

  /** The local trace receiver's spans (deploy/local/trace-receiver.ts), for the waterfall; unset in production. */
  @IsOptional()
  @IsString()
  TRACE_STORE_FILE?: string;

  /** The built UI (vite build); default: apps/console/dist/ui. */
  @IsOptional()
  @IsString()
  CONSOLE_UI_DIR?: string;
}
