import type { Locator, Page } from '@playwright/test';
import type { Credentials } from '../support/accounts.ts';
import { UI_TEXT, type Lang } from '../support/ui-text.ts';

/** The login screen at /login. */
export class LoginPage {
  readonly heading: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** Errors and notices (wrong password, session ended) are announced as alerts. */
  readonly alert: Locator;
  readonly language: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'vi',
  ) {
    const text = UI_TEXT[lang];
    this.heading = page.getByRole('heading', { level: 1, name: text.login.heading });
    this.username = page.getByLabel(text.login.username, { exact: true });
    this.password = page.getByLabel(text.login.password, { exact: true });
    this.submit = page.getByRole('button', { name: text.login.submit, exact: true });
    this.alert = page.getByRole('alert');
    this.language = page.getByLabel(text.language, { exact: true });
  }

  /** The same screen, read in another language. */
  in(lang: Lang): LoginPage {
    return new LoginPage(this.page, lang);
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
  }

  async signIn({ username, password }: Credentials): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}
