import { test, expect } from '../fixtures.ts';
import { LoginPage } from '../pages/LoginPage.ts';
import { UsersPage } from '../pages/UsersPage.ts';
import { UI_TEXT } from '../support/ui-text.ts';

const vi = UI_TEXT.vi;

test('deactivating a signed-in user ends their session on their own device at once', async ({ adminPage, adminApi, openSession }) => {
  const delegate = await adminApi.createUser({ role: 'delegate' });

  // The delegate, on another device, is signed in and connected for live updates.
  const other = await openSession(delegate);
  await other.shell.expectOnline();

  const users = new UsersPage(adminPage);
  await users.goto();
  await users.filter(delegate.username);
  // The header row and theirs: the search has been applied.
  await expect(users.table.getByRole('row')).toHaveCount(2);
  await expect(users.row(delegate.username)).toContainText(vi.users.active);

  await users.deactivate(delegate.username);

  await expect(adminPage.getByText(vi.users.deactivated(delegate.fullName))).toBeVisible();
  await expect(users.row(delegate.username)).toContainText(vi.users.inactive);

  // Pushed over the socket: the other device shows the login page without anyone reloading it.
  const otherLogin = new LoginPage(other.page);
  await expect(otherLogin.alert).toContainText(vi.login.sessionEnded);
  await expect(otherLogin.heading).toBeVisible();
  await expect(other.page).toHaveURL(/\/login$/);
  await expect(other.shell.userName(delegate.fullName)).toHaveCount(0);

  // And the account cannot sign in again.
  await otherLogin.signIn(delegate);
  await expect(otherLogin.alert).toContainText(vi.login.accountDisabled);
  await expect(other.page).toHaveURL(/\/login$/);
});
