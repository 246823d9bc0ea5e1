import { test, expect } from '../fixtures.ts';
import type { Locator, Page } from '@playwright/test';
import { AppShell } from '../pages/AppShell.ts';
import { UsersPage } from '../pages/UsersPage.ts';

const LANDSCAPE = { width: 1024, height: 768 };
const PORTRAIT = { width: 768, height: 1024 };

/** The page itself never scrolls sideways (a wide table may scroll inside its own box). */
async function expectNoHorizontalPageScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  const width = page.viewportSize()!.width;
  expect(scroll, `the page is ${scroll}px wide in a ${width}px window`).toBeLessThanOrEqual(width);
  expect(scroll).toBeLessThanOrEqual(client);
}

/** Entirely inside the window horizontally, so it can be tapped without scrolling sideways. */
async function expectWithinWidth(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, 'the element has a layout box').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

test.describe('on a 10" tablet in landscape (1024×768)', () => {
  test.use({ viewport: LANDSCAPE });

  test('the users table and the navigation fit and work without sideways scrolling', async ({ adminPage, adminApi }) => {
    // A long name and title are the usual reason a table overflows.
    const user = await adminApi.createUser({
      fullName: 'Nguyễn Thị Phương Thảo Ngọc Diệp Hoàng Anh',
      title: 'Phó Giám đốc Sở Kế hoạch và Đầu tư phụ trách khối văn hóa xã hội',
    });
    const shell = new AppShell(adminPage);
    const users = new UsersPage(adminPage);

    await shell.open('users');
    await expect(users.heading).toBeVisible();
    await expect(users.row(user.username)).toBeVisible();
    await expect(users.row('admin')).toBeVisible();
    await expectNoHorizontalPageScroll(adminPage);

    for (const item of ['home', 'users', 'units', 'audit'] as const) await expectWithinWidth(adminPage, shell.navLink(item));
    await expectWithinWidth(adminPage, shell.logoutButton);
    await expectWithinWidth(adminPage, users.addButton);
    // Every action of a row can be reached, at most by scrolling the table itself.
    const actions = users.row(user.username).getByRole('button');
    await expect(actions).toHaveCount(3);
    for (const button of await actions.all()) {
      await button.scrollIntoViewIfNeeded();
      await expectWithinWidth(adminPage, button);
    }
    await expectNoHorizontalPageScroll(adminPage);

    // The navigation works by tapping through it.
    await shell.open('units');
    await expect(adminPage.getByRole('heading', { level: 1, name: 'Đơn vị' })).toBeVisible();
    await expectNoHorizontalPageScroll(adminPage);
    await shell.open('audit');
    await expect(adminPage.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' })).toBeVisible();
    await expectNoHorizontalPageScroll(adminPage);
    await shell.open('users');
    await expect(users.row(user.username)).toBeVisible();

    // The add-user dialog fits too.
    await users.openAddDialog();
    await expectWithinWidth(adminPage, users.addDialog);
    await expectWithinWidth(adminPage, users.saveButton);
  });
});

test.describe('on a 10" tablet in portrait (768×1024)', () => {
  test.use({ viewport: PORTRAIT });

  test('the navigation moves above the content and the users page still fits', async ({ adminPage }) => {
    const shell = new AppShell(adminPage);
    const users = new UsersPage(adminPage);

    await shell.open('users');
    await expect(users.row('admin')).toBeVisible();
    await expectNoHorizontalPageScroll(adminPage);

    // Above the content rather than squeezing it from the side.
    const nav = await shell.nav.boundingBox();
    const heading = await users.heading.boundingBox();
    expect(nav!.y + nav!.height).toBeLessThanOrEqual(heading!.y);
    for (const item of ['home', 'users', 'units', 'audit'] as const) await expectWithinWidth(adminPage, shell.navLink(item));
    await expect(users.addButton).toBeInViewport();
  });
});
