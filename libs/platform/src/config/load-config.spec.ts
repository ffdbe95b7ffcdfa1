import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { EnvBoolean } from './env-boolean';
import { ConfigError, loadConfig } from './load-config';

class Settings {
  @IsString()
  SERVICE_NAME!: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  @Matches(/^\w+:\w+$/)
  BOOTSTRAP_API_KEY: string = 'shop:key';
}

class Switches {
  @EnvBoolean()
  RUN_MIGRATIONS: boolean = true;
}

describe('loadConfig', () => {
  it('converts and returns valid settings, keeping defaults', () => {
    const config = loadConfig(Settings, { SERVICE_NAME: 'order' });
    expect(config.SERVICE_NAME).toBe('order');
    expect(config.PORT).toBe(3000);
    expect(loadConfig(Settings, { SERVICE_NAME: 'order', PORT: '8080' }).PORT).toBe(8080);
  });

  it('names every bad variable and its value', () => {
    expect(() => loadConfig(Settings, { PORT: '99999' })).toThrow(ConfigError);
    try {
      loadConfig(Settings, { PORT: '99999' });
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('SERVICE_NAME is not set');
      expect(message).toContain('PORT has value 99999');
    }
  });
});

describe('EnvBoolean settings', () => {
  it('never prints the value of a secret, even a wrong one', () => {
    expect(() => loadConfig(Settings, { SERVICE_NAME: 'order', BOOTSTRAP_API_KEY: 'tf_live_leaked secret' })).toThrow(
      /BOOTSTRAP_API_KEY has value \[redacted\]/,
    );
    expect(() => loadConfig(Settings, { SERVICE_NAME: 'order', BOOTSTRAP_API_KEY: 'tf_live_leaked secret' })).not.toThrow(/leaked/);
  });

  it('reads "true"/"false" and refuses anything else, naming the variable', () => {
    expect(loadConfig(Switches, { RUN_MIGRATIONS: 'false' }).RUN_MIGRATIONS).toBe(false);
    expect(() => loadConfig(Switches, { RUN_MIGRATIONS: 'yes' })).toThrow('RUN_MIGRATIONS has value "yes"');
  });
});
