import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's chromium (.ci/run installs it); Playwright's own browser download cannot be reached here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** Where screenshots go: a folder of the run, or docs/images when refreshing the README's pictures. */
export const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS ?? join(__dirname, '../../../../.tradeflow/console-screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export function launchChromium(): Promise<Browser> {
  // Root in CI and containers: Chromium's sandbox needs user namespaces it may not get.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** Through the real login page of the OpenID provider, as a person would. */
export async function logIn(browser: Browser, consoleUrl: string, user: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(consoleUrl);
  await page.getByRole('link', { name: 'Log in' }).click();
  await page.locator('input[name="login"]').fill(user);
  await page.locator('input[name="password"]').fill(user);
  await page.locator('button[type="submit"]').first().click();
  // oidc-provider asks for consent the first time a person uses the client.
  const consent = page.locator('button[type="submit"]', { hasText: /continue|authorize/i });
  await page.waitForURL((url) => url.href.startsWith(consoleUrl) || url.pathname.includes('interaction'));
  if (!page.url().startsWith(consoleUrl)) {
    await consent.first().click();
    await page.waitForURL((url) => url.href.startsWith(consoleUrl));
  }
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  return page;
}

/** axe-core's findings of impact serious or critical on the page as it is now. */
export async function seriousAccessibilityViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  // Evaluated through the debugging protocol: the console's Content-Security-Policy refuses inline scripts, as it should.
  await page.evaluate(AXE);
  // Strings, not functions: they run in the page, and this project compiles without the DOM's types.
  return page.evaluate<{ id: string; help: string; targets: string[] }[]>(`(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
  })()`);
}

/** Nothing wider than the viewport: a page usable at phone width scrolls down, not sideways. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
