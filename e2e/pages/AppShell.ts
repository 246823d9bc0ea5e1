import { expect, type Locator, type Page } from '@playwright/test';
import { UI_TEXT, type Lang } from '../support/ui-text.ts';

type NavItem = 'home' | 'users' | 'units' | 'audit';

/** The frame around every signed-in page: header, main navigation and the content area. */
export class AppShell {
  readonly header: Locator;
  readonly nav: Locator;
  readonly main: Locator;
  readonly logoutButton: Locator;
  readonly language: Locator;
  /** The connection indicator (online / reconnecting / offline). */
  readonly connection: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'vi',
  ) {
    const text = UI_TEXT[lang];
    this.header = page.getByRole('banner');
    this.nav = page.getByRole('navigation', { name: text.shell.nav });
    this.main = page.getByRole('main');
    this.logoutButton = page.getByRole('button', { name: text.shell.logout, exact: true });
    this.language = page.getByLabel(text.language, { exact: true });
    this.connection = page.getByRole('status');
  }

  /** The same shell, read in another language. */
  in(lang: Lang): AppShell {
    return new AppShell(this.page, lang);
  }

  navLink(item: NavItem): Locator {
    return this.nav.getByRole('link', { name: UI_TEXT[this.lang].shell[item], exact: true });
  }

  /**
   * The signed-in user's name as the header shows it. `first()`: the demo administrator's name
   * is the same words as the role badge beside it ("Quản trị hệ thống").
   */
  userName(fullName: string): Locator {
    return this.header.getByText(fullName, { exact: true }).first();
  }

  /** Waits until the real-time connection is up, so server pushes reach this page. */
  async expectOnline(): Promise<void> {
    await expect(this.connection).toContainText(UI_TEXT[this.lang].shell.online);
  }

  async open(item: NavItem): Promise<void> {
    await this.navLink(item).click();
  }

  /** Picks a language in the header; the returned shell reads the new one. */
  async switchLanguage(lang: Lang): Promise<AppShell> {
    await this.language.selectOption({ label: UI_TEXT[lang].languageName });
    return this.in(lang);
  }

  async signOut(): Promise<void> {
    await this.logoutButton.click();
  }
}
