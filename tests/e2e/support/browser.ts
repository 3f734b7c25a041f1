import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

const errors = new WeakMap<Page, string[]>();

// Debian's chromium; the sandbox needs user namespaces that containers and CI runners often lack.
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

/** A page in its own context (axe and colour-scheme emulation need contexts); records script errors. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const list: string[] = [];
  errors.set(page, list);
  page.on('pageerror', (e) => list.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') list.push(m.text());
  });
  return page;
}

export function pageErrors(page: Page): string[] {
  return errors.get(page) ?? [];
}
