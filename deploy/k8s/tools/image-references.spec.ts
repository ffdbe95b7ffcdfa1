import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtImages, placeholderImages } from './image-references';
import { DEPLOYED_SERVICES } from './services';

describe('the images the overlays pull', () => {
  let dir: string;
  const digest = (service: string) => `sha256:${Buffer.from(service.padEnd(32, '-')).toString('hex')}`;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tradeflow-images-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('are placeholders no cluster can pull until a release fills them', () => {
    expect(placeholderImages()).toContainEqual({
      name: 'tradeflow/order',
      newName: 'registry.invalid/tradeflow/order',
      digest: `sha256:${'0'.repeat(64)}`,
    });
  });

  it("are filled from the digests npm run image wrote, every service's", () => {
    for (const { name } of DEPLOYED_SERVICES) writeFileSync(join(dir, `${name}.digest`), `${digest(name)}\n`);
    expect(builtImages('registry.example.com/team/', dir)).toContainEqual({
      name: 'tradeflow/crm-sync',
      newName: 'registry.example.com/team/tradeflow/crm-sync',
      digest: digest('crm-sync'),
    });
  });

  it('refuse a missing image, a digest that is not one, and no registry', () => {
    writeFileSync(join(dir, 'order.digest'), `${digest('order')}\n`);
    expect(() => builtImages('registry.example.com', dir)).toThrow(/inventory\.digest is missing: npm run image -- inventory/);
    for (const { name } of DEPLOYED_SERVICES) writeFileSync(join(dir, `${name}.digest`), 'latest\n');
    expect(() => builtImages('registry.example.com', dir)).toThrow(/order: "latest" is not a sha256 digest/);
    expect(() => builtImages('', dir)).toThrow(/--images needs a registry/);
  });
});
