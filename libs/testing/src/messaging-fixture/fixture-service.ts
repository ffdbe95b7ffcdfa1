import type { ServiceDefinition } from '@tradeflow/service';
import { FixtureModule } from './fixture.module';
import type { FixtureSettings } from './fixture-settings';

export const fixtureService: ServiceDefinition<FixtureSettings> = {
  name: 'order',
  module: (settings) => FixtureModule.register(settings),
  description: { title: 'libs/messaging test fixture', description: 'Records the events it applies.' },
};
