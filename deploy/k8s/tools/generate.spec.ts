import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staleFiles } from './generate';
import { consumedTopics, repositoryRoot } from './kafka-access';
import { DEPLOYED_SERVICES } from './services';

describe('generated manifests', () => {
  it('equal what the generator makes from the catalogue, the handlers and the service list', () => {
    // On failure: npm run k8s:generate, and commit the result.
    expect(staleFiles()).toEqual([]);
  });

  it('cover every app tagged type:app, on the port its settings declare', () => {
    // Apps that are no service: the ops console (base/console deploys it by hand, beside the generated
    // ones) and reconcile (a command an operator runs, with a token, against the services' APIs).
    const notServices = ['console', 'reconcile'];
    const apps = readdirSync(join(repositoryRoot, 'apps')).filter((app) => {
      if (notServices.includes(app)) return false;
      const project = JSON.parse(readFileSync(join(repositoryRoot, 'apps', app, 'project.json'), 'utf8')) as { tags?: string[] };
      return project.tags?.includes('type:app');
    });
    expect(DEPLOYED_SERVICES.map((service) => service.name).sort()).toEqual(expect.arrayContaining(apps.sort()));
    for (const app of apps) {
      const settings = readFileSync(join(repositoryRoot, 'apps', app, 'src', `${app}-settings.ts`), 'utf8');
      const port = Number(/override PORT: number = (\d+)/.exec(settings)?.[1]);
      expect({ app, port: DEPLOYED_SERVICES.find((service) => service.name === app)?.port }).toEqual({ app, port });
    }
  });
});

describe('consumedTopics', () => {
  let root: string;
  const handler = (body: string) => {
    mkdirSync(join(root, 'apps/inventory/src/feature'), { recursive: true });
    writeFileSync(join(root, 'apps/inventory/src/feature/feature.handler.ts'), body);
  };
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'tradeflow-scan-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("maps each @EventPattern('X') to X's catalogue topic, once per topic", () => {
    handler(`@EventPattern('OrderApproved') a() {}\n@EventPattern( 'OrderPlaced' ) b() {}\n@EventPattern('ShipmentDispatched') c() {}`);
    expect(consumedTopics('inventory', root).map((topic) => topic.name)).toEqual(['tradeflow.orders.v1', 'tradeflow.shipments.v1']);
  });

  it('refuses a pattern it cannot read, so no subscription escapes the ACLs', () => {
    handler(`@EventPattern(ORDER_APPROVED) a() {}`);
    expect(() => consumedTopics('inventory', root)).toThrow(/must name a catalogue event type as a string literal/);
    handler(`@EventPattern('OrderTeleported') a() {}`);
    expect(() => consumedTopics('inventory', root)).toThrow(/OrderTeleported/);
  });

  it('ignores tests and finds nothing for an app that is not there yet', () => {
    mkdirSync(join(root, 'apps/inventory/src'), { recursive: true });
    writeFileSync(join(root, 'apps/inventory/src/a.spec.ts'), `@EventPattern('OrderApproved')`);
    expect(consumedTopics('inventory', root)).toEqual([]);
    expect(consumedTopics('shipping', root)).toEqual([]);
  });
});
