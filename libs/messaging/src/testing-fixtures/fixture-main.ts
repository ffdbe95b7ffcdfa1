import 'reflect-metadata';
import { runService } from '../nest/start-service';
import { fixtureService } from './fixture-service';
import { FixtureSettings } from './fixture-settings';

// Run as its own process by the scale-out test, configured only by environment like every service.
runService(fixtureService, FixtureSettings);
