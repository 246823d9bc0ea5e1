import { expect, type Locator, type Page } from '@playwright/test';
import type { Role } from '@e-cabinet/protocol';
import { ROLE_LABEL } from '../support/accounts.ts';
import { UI_TEXT, type Lang } from '../support/ui-text.ts';

/** What the "add user" form asks for; leave a field out to keep its default. */
export interface UserForm {
  username?: string;
  fullName?: string;
  email?: string;
  title?: string;
  role?: Role;
  /** The unit's name as the select shows it (without the tree indentation). */
  unit?: string;
  password?: string;
}

type UserFormField = 'username' | 'fullName' | 'email' | 'title' | 'role' | 'unit' | 'initialPassword';

/** User administration at /admin/users. */
export class UsersPage {
  readonly heading: Locator;
  readonly addButton: Locator;
  readonly search: Locator;
  readonly table: Locator;
  readonly addDialog: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'vi',
  ) {
    const text = UI_TEXT[lang].users;
    this.heading = page.getByRole('heading', { level: 1, name: text.heading });
    this.addButton = page.getByRole('button', { name: text.add, exact: true });
    this.search = page.getByRole('searchbox', { name: text.search });
    this.table = page.getByRole('table');
    this.addDialog = page.getByRole('dialog', { name: text.add });
  }

  in(lang: Lang): UsersPage {
    return new UsersPage(this.page, lang);
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/users');
    await expect(this.heading).toBeVisible();
  }

  /** The table row whose username cell is exactly `username`. */
  row(username: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: username, exact: true }) });
  }

  /** A field of the add-user dialog, by its label. */
  field(name: UserFormField): Locator {
    return this.addDialog.getByLabel(UI_TEXT[this.lang].users[name], { exact: true });
  }

  get saveButton(): Locator {
    return this.addDialog.getByRole('button', { name: UI_TEXT[this.lang].users.save, exact: true });
  }

  async openAddDialog(): Promise<void> {
    await this.addButton.click();
    await expect(this.addDialog).toBeVisible();
  }

  /** Fills the open add-user dialog (does not submit). */
  async fillAddForm(form: UserForm): Promise<void> {
    if (form.username !== undefined) await this.field('username').fill(form.username);
    if (form.fullName !== undefined) await this.field('fullName').fill(form.fullName);
    if (form.email !== undefined) await this.field('email').fill(form.email);
    if (form.title !== undefined) await this.field('title').fill(form.title);
    if (form.role !== undefined) await this.field('role').selectOption({ label: ROLE_LABEL[this.lang][form.role] });
    if (form.unit !== undefined) await this.selectUnit(form.unit);
    if (form.password !== undefined) await this.field('initialPassword').fill(form.password);
  }

  /** Narrows the list to users matching `query` (username or full name). */
  async filter(query: string): Promise<void> {
    await this.search.fill(query);
  }

  /** Deactivates a user through the row action and its confirmation dialog. */
  async deactivate(username: string): Promise<void> {
    const text = UI_TEXT[this.lang].users;
    await this.row(username).getByRole('button', { name: text.deactivate, exact: true }).click();
    const confirm = this.page.getByRole('dialog', { name: text.deactivateTitle });
    await confirm.getByRole('button', { name: text.deactivate, exact: true }).click();
    await expect(confirm).toBeHidden();
  }

  // Unit options may be indented to show the tree, so match the name rather than the whole label.
  private async selectUnit(name: string): Promise<void> {
    const select = this.field('unit');
    const value = await select
      .locator('option')
      .filter({ hasText: name })
      .first()
      .getAttribute('value');
    if (value === null) throw new Error(`no unit option "${name}"`);
    await select.selectOption(value);
  }
}
