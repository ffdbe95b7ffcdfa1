import { Controller, Get, Post } from '@nestjs/common';
import { Allow, Open } from '@tradeflow/platform';
import { globSync } from 'node:fs';
import { join } from 'node:path';
import { routeHandlers } from './route-policies';

const ROOT = join(__dirname, '../../../..');
const CONTROLLER_FILES = globSync(['apps/*/src/**/*.controller.ts', 'libs/*/src/**/*.controller.ts'], { cwd: ROOT }).sort();

/**
 * Issue 19: a route without a policy is refused at run time (403), but it should never get that
 * far. This walks every controller class of every app and lib — also routes the OpenAPI documents
 * leave out, which the e2e route walk cannot see — and fails for any handler without a policy.
 */
describe('every route handler of every controller declares an access policy', () => {
  it('finds the controllers of all five services and the shared libs', () => {
    const owners = new Set(CONTROLLER_FILES.map((file) => file.split('/').slice(0, 2).join('/')));
    expect([...owners].sort()).toEqual(
      expect.arrayContaining(['apps/crm-sync', 'apps/inventory', 'apps/invoicing', 'apps/order', 'apps/shipping', 'libs/messaging', 'libs/platform']),
    );
  });

  it.each(CONTROLLER_FILES)('%s', (file) => {
    const exported = Object.values(require(join(ROOT, file)) as Record<string, unknown>);
    const handlers = routeHandlers(exported);
    expect(handlers.length).toBeGreaterThan(0);
    expect(handlers.filter((handler) => !handler.hasPolicy).map((handler) => `${handler.controller}.${handler.handler}`)).toEqual([]);
  });

  it('would catch a forgotten decorator, and accepts one on the method or on the class', () => {
    @Controller('forgotten')
    class Forgotten {
      @Get()
      list() {
        return [];
      }

      @Post()
      @Allow(['ops'])
      act() {
        return 'done';
      }

      helper() {
        return 'not a route';
      }
    }
    @Open('probes')
    @Controller('probes')
    class Probes {
      @Get()
      live() {
        return 'up';
      }
    }
    expect(routeHandlers([Forgotten, Probes, 'not a class'])).toEqual([
      { controller: 'Forgotten', handler: 'list', hasPolicy: false },
      { controller: 'Forgotten', handler: 'act', hasPolicy: true },
      { controller: 'Probes', handler: 'live', hasPolicy: true },
    ]);
  });
});
