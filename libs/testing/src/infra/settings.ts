/** Ports of the infrastructure the local stack and tests start; each can be set by its variable. */
export interface InfrastructurePorts {
  kafka: number;
  kafkaController: number;
  schemaRegistry: number;
  postgres: number;
  oidc: number;
}

export const PORT_VARIABLES: Record<keyof InfrastructurePorts, string> = {
  kafka: 'KAFKA_PORT',
  kafkaController: 'KAFKA_CONTROLLER_PORT',
  schemaRegistry: 'SCHEMA_REGISTRY_PORT',
  postgres: 'POSTGRES_PORT',
  oidc: 'OIDC_PORT',
};

const DEFAULT_PORTS: InfrastructurePorts = { kafka: 9092, kafkaController: 9093, schemaRegistry: 8081, postgres: 5432, oidc: 9400 };

/** Explicit ports win over the environment, which wins over the defaults. */
export function resolvePorts(explicit: Partial<InfrastructurePorts> = {}): InfrastructurePorts {
  const port = (key: keyof InfrastructurePorts) =>
    explicit[key] ?? portFromEnvironment(PORT_VARIABLES[key]) ?? DEFAULT_PORTS[key];
  return {
    kafka: port('kafka'),
    kafkaController: port('kafkaController'),
    schemaRegistry: port('schemaRegistry'),
    postgres: port('postgres'),
    oidc: port('oidc'),
  };
}

function portFromEnvironment(variable: string): number | undefined {
  const value = process.env[variable];
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${variable} must be a port number between 1 and 65535, got "${value}"`);
  }
  return port;
}

/** Infrastructure that already runs elsewhere, named by the same variables the services read. */
export interface ExternalInfrastructure {
  kafkaBrokers?: string;
  schemaRegistryUrl?: string;
  adminDatabaseUrl?: string;
  oidcIssuerUrl?: string;
  databaseUrls: Record<string, string>;
}

export function databaseUrlVariable(service: string): string {
  return `DATABASE_URL_${service.toUpperCase().replace(/-/g, '_')}`;
}

export function externalInfrastructure(services: string[]): ExternalInfrastructure {
  const given = (variable: string) => process.env[variable] || undefined;
  const databaseUrls: Record<string, string> = {};
  for (const service of services) {
    const url = given(databaseUrlVariable(service));
    if (url) databaseUrls[service] = url;
  }
  return {
    kafkaBrokers: given('KAFKA_BROKERS'),
    schemaRegistryUrl: given('SCHEMA_REGISTRY_URL'),
    adminDatabaseUrl: given('DATABASE_ADMIN_URL'),
    oidcIssuerUrl: given('OIDC_ISSUER_URL'),
    databaseUrls,
  };
}
