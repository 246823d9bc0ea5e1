import { test, expect } from '../fixtures.ts';
import { AppShell } from '../pages/AppShell.ts';
import { DEMO } from '../support/accounts.ts';
import { UI_TEXT } from '../support/ui-text.ts';

const vi = UI_TEXT.vi;

test.describe('signing in and out', () => {
  test('a wrong password shows the Vietnamese message and stays on the login page', async ({ page, loginPage, adminApi }) => {
    const user = await adminApi.createUser();
    await loginPage.goto();
    await expect(loginPage.heading).toBeVisible();

    await loginPage.signIn({ username: user.username, password: 'KhongDung@2026' });

    await expect(loginPage.alert).toContainText(vi.login.invalidCredentials);
    await expect(page).toHaveURL(/\/login$/);
    // The username is kept for a second try; the wrong password is cleared.
    await expect(loginPage.username).toHaveValue(user.username);
    await expect(loginPage.password).toHaveValue('');
    await expect(page.getByRole('navigation')).toHaveCount(0);

    // The right password then works from the same form.
    await loginPage.signIn(user);
    await expect(new AppShell(page).userName(user.fullName)).toBeVisible();
  });

  test('a correct login shows the shell with the user’s name, and a reload keeps the session', async ({ page, loginPage, shell }) => {
    await page.goto('/');
    // Not signed in yet: the app sends the visitor to the login page.
    await expect(page).toHaveURL(/\/login$/);

    await loginPage.signIn(DEMO.chair);

    await expect(shell.userName(DEMO.chair.fullName)).toBeVisible();
    await expect(shell.header).toContainText('Chủ trì');
    await expect(shell.navLink('home')).toBeVisible();
    await expect(shell.logoutButton).toBeVisible();
    await shell.expectOnline();
    await expect(page).not.toHaveURL(/\/login/);

    await page.reload();

    await expect(shell.userName(DEMO.chair.fullName)).toBeVisible();
    await expect(shell.navLink('home')).toBeVisible();
    await expect(page).not.toHaveURL(/\/login/);
  });

  test('after a login the user lands on the page they first asked for', async ({ page, loginPage, adminApi }) => {
    const admin = await adminApi.createUser({ role: 'admin' });
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/login$/);

    await loginPage.signIn(admin);

    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { level: 1, name: vi.users.heading })).toBeVisible();
  });

  test('logging out returns to the login page, and a reload stays logged out', async ({ page, loginPage, signIn }) => {
    const shell = await signIn(DEMO.chair);

    await shell.signOut();

    await expect(loginPage.heading).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
    await expect(shell.logoutButton).toHaveCount(0);

    await page.reload();

    await expect(loginPage.heading).toBeVisible();
    await expect(loginPage.username).toBeVisible();
    await expect(shell.userName(DEMO.chair.fullName)).toHaveCount(0);
    // The server forgot the session too, not just the page.
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);

    // Going back to a protected page does not bring the session back.
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
  });
});
