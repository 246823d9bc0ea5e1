import { test, expect } from '../fixtures.ts';
import { AppShell } from '../pages/AppShell.ts';
import { LoginPage } from '../pages/LoginPage.ts';
import { UsersPage } from '../pages/UsersPage.ts';
import { uniqueUsername } from '../support/accounts.ts';
import { UI_TEXT } from '../support/ui-text.ts';

test('an administrator adds a user, switches to English and logs out', async ({ page, adminApi }) => {
  // A fresh administrator: the language choice is saved to the profile, and must not leak into
  // other tests that sign in as the demo admin.
  const admin = await adminApi.createUser({ role: 'admin', fullName: 'Quản trị Kiểm thử' });
  const vi = UI_TEXT.vi;
  const en = UI_TEXT.en;

  const loginPage = new LoginPage(page);
  await loginPage.goto();
  await loginPage.signIn(admin);
  const shell = new AppShell(page);
  await expect(shell.userName(admin.fullName)).toBeVisible();

  await shell.open('users');
  const users = new UsersPage(page);
  await expect(users.heading).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/users$/);

  // An invalid username is refused with a message next to the field; nothing is created.
  const username = uniqueUsername('thuky');
  const fullName = 'Nguyễn Văn Kiểm Thử';
  await users.openAddDialog();
  await users.fillAddForm({
    username: 'Bad Name!',
    fullName,
    email: `${username}@ankhanh.gov.vn`,
    title: 'Chuyên viên',
    role: 'secretary',
    unit: 'Sở Tài chính',
    password: 'MatKhau@2026',
  });
  await users.saveButton.click();

  await expect(users.field('username')).toHaveAttribute('aria-invalid', 'true');
  await expect(users.field('username')).toHaveAccessibleDescription(vi.users.invalidFormat);
  await expect(users.addDialog.getByRole('alert')).toContainText(vi.users.fixFields);
  // Only the username is blamed; what was typed elsewhere is kept.
  await expect(users.field('fullName')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(users.field('fullName')).toHaveValue(fullName);

  await users.field('username').fill(username);
  await users.saveButton.click();

  await expect(users.addDialog).toBeHidden();
  await expect(page.getByText(vi.users.created(fullName))).toBeVisible();
  const row = users.row(username);
  await expect(row).toBeVisible();
  await expect(row).toContainText(fullName);
  await expect(row).toContainText('Thư ký');
  await expect(row).toContainText('Sở Tài chính');
  await expect(row).toContainText(vi.users.active);

  // English: the navigation, the page and the table all switch.
  const shellEn = await shell.switchLanguage('en');
  const usersEn = users.in('en');
  await expect(shellEn.navLink('users')).toBeVisible();
  await expect(shellEn.navLink('units')).toBeVisible();
  await expect(shellEn.navLink('audit')).toBeVisible();
  await expect(usersEn.heading).toBeVisible();
  await expect(usersEn.row(username)).toContainText('Secretary');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // After a reload the language is remembered and the new user is still there.
  await page.reload();
  await expect(shellEn.navLink('users')).toBeVisible();
  await expect(shellEn.language).toHaveValue('en');
  await expect(usersEn.heading).toBeVisible();
  await expect(usersEn.row(username)).toContainText(en.users.active);
  await expect(shell.navLink('users')).toHaveCount(0);

  await shellEn.signOut();

  const loginEn = loginPage.in('en');
  await expect(loginEn.heading).toBeVisible();
  await expect(loginEn.username).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});
