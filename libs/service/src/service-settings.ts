import { MessagingSettings } from '@tradeflow/messaging';
import { EnvBoolean } from '@tradeflow/platform';

/** Every setting the chassis reads; each app's settings class extends this one and adds its own. */
export class ServiceSettings extends MessagingSettings {
  /** Off where an init container migrates (`npm run migrate`, Kubernetes), so the serving role needs no DDL. */
  @EnvBoolean()
  RUN_MIGRATIONS: boolean = true;
}
