import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import type { ValidationError } from 'class-validator';
import { validateSync } from 'class-validator';

/** Thrown at start-up when the environment is wrong; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Variables whose values are never printed, not even when wrong: keys, secrets, passwords, URLs with credentials. */
const SECRET_NAME = /KEY|SECRET|PASSWORD|TOKEN|CREDENTIAL|DATABASE_URL/i;

function describe(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  const value = SECRET_NAME.test(error.property) ? '[redacted]' : JSON.stringify(error.value);
  const shown = error.value === undefined ? 'is not set' : `has value ${value}`;
  return `${error.property} ${shown}: ${reasons}`;
}

/**
 * Reads a settings class (class-validator decorators, property names = variable names) from the
 * environment. Each app declares its settings in one such class and calls this once at boot.
 */
export function loadConfig<T extends object>(
  settings: new () => T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const config = plainToInstance(settings, { ...env }, { enableImplicitConversion: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(errors.map(describe));
  return config;
}
