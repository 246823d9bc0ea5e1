import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { UsersPage } from './pages/UsersPage.ts';
import { AdminApi, login } from './support/AdminApi.ts';
import { DEMO, type Credentials } from './support/accounts.ts';

/** A signed-in browser: its own context (cookies, storage), a page and the shell around it. */
export interface Session {
  context: BrowserContext;
  page: Page;
  shell: AppShell;
}

interface Fixtures {
  /** The HTTP API signed in as the demo administrator, for arranging data. */
  adminApi: AdminApi;
  loginPage: LoginPage;
  shell: AppShell;
  usersPage: UsersPage;
  /** Signs the test's own `page` in (through the API, quicker than the form) and opens `/`. */
  signIn: (credentials: Credentials) => Promise<AppShell>;
  /** The test's `page`, signed in as the demo administrator, on the home page. */
  adminPage: Page;
  /**
   * Another person on another device: a fresh browser context signed in as `credentials`.
   * Closed when the test ends.
   */
  openSession: (credentials: Credentials) => Promise<Session>;
}

export const test = base.extend<Fixtures>({
  adminApi: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({ baseURL: baseURL! });
    await use(await AdminApi.signIn(request, DEMO.admin));
    await request.dispose();
  },

  loginPage: async ({ page }, use) => {
    await use(new LoginPage(page));
  },

  shell: async ({ page }, use) => {
    await use(new AppShell(page));
  },

  usersPage: async ({ page }, use) => {
    await use(new UsersPage(page));
  },

  signIn: async ({ page }, use) => {
    await use(async (credentials) => signInPage(page, credentials));
  },

  adminPage: async ({ page, signIn }, use) => {
    await signIn(DEMO.admin);
    await use(page);
  },

  openSession: async ({ browser, baseURL, viewport, locale, timezoneId }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (credentials) => {
      // browser.newContext() does not apply the project's `use` options by itself.
      const context = await browser.newContext({ baseURL: baseURL!, viewport, locale: locale!, timezoneId: timezoneId! });
      contexts.push(context);
      const page = await context.newPage();
      return { context, page, shell: await signInPage(page, credentials) };
    });
    for (const context of contexts) await context.close();
  },
});

/** The page's cookie jar is shared with `page.request`, so an API login signs the page in. */
async function signInPage(page: Page, credentials: Credentials): Promise<AppShell> {
  const user = await login(page.request, credentials);
  await page.goto('/');
  const shell = new AppShell(page);
  await expect(shell.userName(user.fullName)).toBeVisible();
  return shell;
}

export { expect };
