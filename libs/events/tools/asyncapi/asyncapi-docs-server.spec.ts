import { readFileSync } from 'node:fs';
import { ASYNCAPI_FILE } from './asyncapi-files';
import type { AsyncApiDocsServer } from './asyncapi-docs-server';
import { startAsyncApiDocsServer } from './asyncapi-docs-server';

describe('the AsyncAPI docs server', () => {
  let docs: AsyncApiDocsServer;
  beforeAll(async () => (docs = await startAsyncApiDocsServer(0)));
  afterAll(() => docs.close());

  it('serves a page that renders docs/asyncapi.yaml with the AsyncAPI standalone bundle, all from this server', async () => {
    const page = await fetch(docs.url).then((response) => response.text());
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toEqual(['/asyncapi.css', '/asyncapi-standalone.js']);
    expect(page).toContain("fetch('/asyncapi.yaml')");
    expect(page).toContain('AsyncApiStandalone.render(');

    const bundle = await fetch(`${docs.url}/asyncapi-standalone.js`);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect(await bundle.text()).toContain('AsyncApiStandalone');
    expect((await fetch(`${docs.url}/asyncapi.css`)).ok).toBe(true);
    expect(await fetch(`${docs.url}/asyncapi.yaml`).then((response) => response.text())).toBe(readFileSync(ASYNCAPI_FILE, 'utf8'));
  });

  it('answers 404 for anything else', async () => {
    expect((await fetch(`${docs.url}/../package.json`)).status).toBe(404);
    expect((await fetch(`${docs.url}/asyncapi.yaml`, { method: 'POST' })).status).toBe(404);
  });
});
