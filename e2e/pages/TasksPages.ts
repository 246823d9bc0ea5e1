import { expect, type Locator, type Page } from '@playwright/test';
import { UI_TEXT } from '../support/ui-text.ts';

/**
 * The Vietnamese words of follow-up tasks the tests rely on (client/src/i18n/vi-tasks.ts). Kept
 * here, like support/ui-text.ts, so a changed translation fails a test.
 */
export const TASK_TEXT = {
  nav: { mine: 'Việc của tôi', dashboard: 'Thống kê nhiệm vụ' },
  section: 'Nhiệm vụ',
  giveFor: (itemTitle: string) => `Giao nhiệm vụ cho nội dung: ${itemTitle}`,
  give: 'Giao nhiệm vụ',
  created: 'Đã giao nhiệm vụ.',
  description: 'Nội dung nhiệm vụ',
  conclusionRef: 'Theo kết luận',
  unit: 'Đơn vị chủ trì',
  deadline: 'Thời hạn',
  priority: 'Mức độ',
  status: 'Trạng thái',
  update: (description: string) => `Cập nhật: ${description}`,
  updateTitle: 'Cập nhật tiến độ',
  updated: 'Đã cập nhật nhiệm vụ.',
  save: 'Lưu',
  statuses: { todo: 'Chưa thực hiện', in_progress: 'Đang thực hiện', done: 'Hoàn thành', cancelled: 'Đã hủy' },
  filterOpen: 'Chưa hoàn thành',
  onTime: 'Đúng hạn',
  empty: 'Không có nhiệm vụ nào.',
  dashboardTable: 'Số liệu nhiệm vụ theo đơn vị',
  kpiDoneOnTime: 'Hoàn thành đúng hạn',
} as const;

/** The main navigation's name (support/ui-text.ts). */
const NAV = UI_TEXT.vi.shell.nav;

type TaskStatusName = keyof typeof TASK_TEXT.statuses;

/** A task's row in a task table, found by the task's description (the row header's link). */
function taskRow(scope: Locator, description: string): Locator {
  return scope.getByRole('row').filter({ has: scope.page().getByRole('rowheader').getByRole('link', { name: description, exact: true }) });
}

/** "Nhiệm vụ" on a meeting's page: the organisers give tasks from each agenda item's conclusions. */
export class MeetingTasks {
  readonly section: Locator;
  readonly toasts: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: TASK_TEXT.section, exact: true });
    this.toasts = page.getByRole('region', { name: 'Thông báo', exact: true });
  }

  /** "Giao nhiệm vụ" under an agenda item: fills the form, sends it, and sees the task listed. */
  async give(itemTitle: string, task: { description: string; conclusionRef: string; unitId: string; deadline: string }): Promise<Locator> {
    await this.section.getByRole('button', { name: TASK_TEXT.giveFor(itemTitle), exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: TASK_TEXT.give, exact: true });
    await dialog.getByLabel(TASK_TEXT.description, { exact: true }).fill(task.description);
    await dialog.getByLabel(TASK_TEXT.conclusionRef, { exact: true }).fill(task.conclusionRef);
    // By id: the options indent sub-units with spaces. selectOption waits for the units to load.
    await dialog.getByLabel(TASK_TEXT.unit, { exact: true }).selectOption(task.unitId);
    await dialog.getByLabel(TASK_TEXT.deadline, { exact: true }).fill(task.deadline);
    await dialog.getByRole('button', { name: TASK_TEXT.give, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.toasts.getByText(TASK_TEXT.created, { exact: true })).toBeVisible();
    const row = this.row(task.description);
    await expect(row).toBeVisible();
    return row;
  }

  row(description: string): Locator {
    return taskRow(this.section, description);
  }
}

/** "Việc của tôi" (/tasks): the tasks of the user's unit and their own. */
export class MyTasksPage {
  readonly heading: Locator;
  readonly statusFilter: Locator;
  readonly toasts: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: TASK_TEXT.nav.mine, exact: true });
    this.statusFilter = page.getByRole('main').getByLabel(TASK_TEXT.status, { exact: true });
    this.toasts = page.getByRole('region', { name: 'Thông báo', exact: true });
  }

  /** Through the main navigation, as a person finds it. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: NAV, exact: true }).getByRole('link', { name: TASK_TEXT.nav.mine, exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  row(description: string): Locator {
    return taskRow(this.page.getByRole('main'), description);
  }

  /** Shows the tasks with this status ("Chưa hoàn thành", the default, is `'open'`). */
  async filter(status: TaskStatusName | 'open'): Promise<void> {
    await this.statusFilter.selectOption({ label: status === 'open' ? TASK_TEXT.filterOpen : TASK_TEXT.statuses[status] });
  }

  /** "Cập nhật" on the task's row: picks the status, saves, and sees it saved. */
  async report(description: string, status: TaskStatusName): Promise<void> {
    await this.row(description).getByRole('button', { name: TASK_TEXT.update(description), exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: TASK_TEXT.updateTitle, exact: true });
    await expect(dialog.getByText(description, { exact: true })).toBeVisible();
    await dialog.getByLabel(TASK_TEXT.status, { exact: true }).selectOption({ label: TASK_TEXT.statuses[status] });
    await dialog.getByRole('button', { name: TASK_TEXT.save, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.toasts.getByText(TASK_TEXT.updated, { exact: true })).toBeVisible();
  }
}

/** "Thống kê nhiệm vụ" (/tasks/dashboard): counts per unit, as a chart and a table. */
export class TaskDashboardPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: TASK_TEXT.nav.dashboard, exact: true });
    this.table = page.getByRole('table', { name: TASK_TEXT.dashboardTable, exact: true });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: NAV, exact: true }).getByRole('link', { name: TASK_TEXT.nav.dashboard, exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  /**
   * A unit's figures in table order: assigned, done on time, done late, overdue, open (still in
   * time); the on-time rate follows in the last cell.
   */
  unitCells(unitName: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: unitName, exact: true }) }).getByRole('cell');
  }
}
