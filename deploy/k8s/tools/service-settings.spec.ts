import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@tradeflow/platform';
import { getMetadataStorage } from 'class-validator';
import { repositoryRoot } from './kafka-access';
import { render } from './validation/manifests';
import { serviceDeployments } from './validation/policies';
import { DEPLOYED_SERVICES } from './services';

type Json = Record<string, any>;
type SettingsClass = new () => object;

/** Read by Node itself, the OpenTelemetry SDK or node-postgres (the database role's user and password), not by the settings classes. */
const RUNTIME_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'OTEL_SERVICE_NAME', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'PGUSER', 'PGPASSWORD'];

/** What an operator's Secret holds for keys that are not plain strings. */
const SECRET_STAND_INS: Record<string, string> = {
  uri: 'postgresql://app:secret@db-rw:5432/app',
  OIDC_ISSUER_URL: 'https://keycloak.example/realms/tradeflow',
};

const objects = render(join(repositoryRoot, 'deploy/k8s/overlays/prod'));
const present = DEPLOYED_SERVICES.filter((service) => existsSync(settingsFile(service.name)));

function settingsFile(service: string): string {
  return join(repositoryRoot, 'apps', service, 'src', `${service}-settings.ts`);
}

function settingsClass(service: string): SettingsClass {
  const exports = require(settingsFile(service)) as Record<string, unknown>;
  const found = Object.values(exports).find((value) => typeof value === 'function' && value.name.endsWith('Settings'));
  if (!found) throw new Error(`${settingsFile(service)} exports no *Settings class`);
  return found as SettingsClass;
}

/** The environment a pod of the service gets, with a stand-in for each value an operator Secret holds. */
function podEnvironment(service: string): Record<string, string> {
  const deployment = serviceDeployments(objects).find((candidate) => candidate.metadata.name === service) as Json;
  const container = deployment.spec.template.spec.containers[0];
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const configMap = objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name === source.configMapRef.name) as Json;
    Object.assign(env, configMap.data);
  }
  for (const variable of container.env ?? []) {
    const secret = variable.valueFrom?.secretKeyRef;
    if (secret?.optional) continue;
    env[variable.name] = variable.value ?? SECRET_STAND_INS[secret?.key] ?? 'x'.repeat(48);
  }
  return env;
}

describe.each(present.map((service) => service.name))('the %s pod environment', (service) => {
  it("passes the service's own settings validation", () => {
    expect(() => loadConfig(settingsClass(service), podEnvironment(service))).not.toThrow();
  });

  it('names only variables the service (or Node and OpenTelemetry) reads', () => {
    const declared = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(settingsClass(service), '', true, false)
        .map((metadata) => metadata.propertyName),
    );
    const unknown = Object.keys(podEnvironment(service)).filter((name) => !declared.has(name) && !RUNTIME_VARIABLES.includes(name));
    expect(unknown).toEqual([]);
  });
});
