import { test, expect } from '../fixtures.ts';
import { DEMO } from '../support/accounts.ts';
import { UI_TEXT } from '../support/ui-text.ts';

const vi = UI_TEXT.vi;

test.describe('a delegate', () => {
  test('sees no administration in the navigation', async ({ signIn }) => {
    const shell = await signIn(DEMO.delegate);

    await expect(shell.navLink('home')).toBeVisible();
    await expect(shell.header).toContainText('Đại biểu');
    // Home, meetings, my tasks and the task dashboard: no administration, no task overview.
    await expect(shell.nav.getByRole('link')).toHaveCount(4);
    await expect(shell.nav.getByRole('link', { name: 'Theo dõi nhiệm vụ' })).toHaveCount(0);
    await expect(shell.navLink('users')).toHaveCount(0);
    await expect(shell.navLink('units')).toHaveCount(0);
    await expect(shell.navLink('audit')).toHaveCount(0);
  });

  test('gets a forbidden page, not data, at the admin addresses', async ({ page, signIn }) => {
    const shell = await signIn(DEMO.delegate);
    const userListCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/users') userListCalls.push(request.url());
    });

    for (const path of ['/admin/users', '/admin/units', '/admin/audit']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: vi.shell.forbidden })).toBeVisible();
      await expect(shell.main.getByRole('table')).toHaveCount(0);
      await expect(page.getByRole('button', { name: vi.users.add })).toHaveCount(0);
      // Still signed in: forbidden is not a logout.
      await expect(shell.userName(DEMO.delegate.fullName)).toBeVisible();
    }
    // The page did not even ask for the user list…
    expect(userListCalls).toEqual([]);
    // …and the server would have refused it anyway.
    expect((await page.request.get('/api/users')).status()).toBe(403);
  });

  test('gets a not-found page for an unknown address', async ({ page, signIn }) => {
    const shell = await signIn(DEMO.delegate);
    await page.goto('/khong-co-trang-nay');
    await expect(page.getByRole('heading', { level: 1, name: vi.shell.notFound })).toBeVisible();
    await expect(shell.navLink('home')).toBeVisible();
  });
});
