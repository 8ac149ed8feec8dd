// A real Chromium for the end-to-end tests (Debian's `chromium`, driven by playwright-core).
// CHROMIUM_PATH names another binary (`none`: no browser); without one the e2e suites are
// skipped, saying why.
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** CHROMIUM_PATH=none runs without a browser, as on a machine that has none. */
export const CHROMIUM = process.env.CHROMIUM_PATH === 'none' ? undefined : CANDIDATES.find((path): path is string => Boolean(path) && existsSync(path!));

/** The reason to skip browser tests, or false when a Chromium is there. */
export const NO_BROWSER: string | false = CHROMIUM
  ? false
  : 'no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)';

/** One browser for the enclosing describe, launched before its tests and closed after them. */
export function withBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  before(async () => {
    // Root in a container has no user namespace for Chromium's sandbox.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  });
  after(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('withBrowser: the browser is not started yet');
      return browser;
    },
  };
}
