import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Vietnamese words of the meeting room and its votes the tests rely on
 * (client/src/i18n/vi-live.ts, vi-polls.ts, vi-meetings.ts). Kept here, like support/ui-text.ts,
 * so a changed translation fails a test.
 */
export const LIVE_TEXT = {
  start: 'Bắt đầu họp',
  firstItem: 'Bắt đầu nội dung đầu tiên',
  checkIn: 'Điểm danh',
  checkedIn: 'Bạn đã điểm danh lúc',
  quorumMet: 'Đủ số lượng đại biểu',
  polls: {
    create: 'Tạo biểu quyết',
    createTitle: 'Tạo biểu quyết',
    createSubmit: 'Tạo',
    question: 'Nội dung biểu quyết',
    item: 'Thuộc nội dung',
    now: 'Đang thảo luận',
    secrecy: 'Cách bỏ phiếu',
    base: 'Tính trên',
    secrecies: { named: 'Công khai', secret: 'Bỏ phiếu kín' },
    bases: { members: 'tổng số đại biểu', present: 'số đại biểu có mặt', cast: 'số đại biểu tham gia biểu quyết' },
    status: { draft: 'Dự thảo', open: 'Đang biểu quyết', closed: 'Đã kết thúc' },
    open: 'Mở biểu quyết',
    close: 'Kết thúc biểu quyết',
    choices: { yes: 'Tán thành', no: 'Không tán thành', abstain: 'Không biểu quyết' },
    submit: 'Biểu quyết',
    confirm: 'Xác nhận',
    recorded: 'Đã ghi nhận phiếu',
    passed: 'Thông qua',
    failed: 'Không thông qua',
    chart: 'Biểu đồ kết quả:',
    voters: (count: number) => `Danh sách biểu quyết (${count})`,
    bulletin: (count: number) => `Danh sách phiếu (${count})`,
    mine: 'Phiếu của bạn',
  },
} as const;

export type MotionChoice = keyof typeof LIVE_TEXT.polls.choices;
type Secrecy = keyof typeof LIVE_TEXT.polls.secrecies;
type Base = keyof typeof LIVE_TEXT.polls.bases;

/**
 * "Phòng họp" (/meetings/:id/live) for one person. On a touch device (`touch`) every press is a
 * tap, as a delegate's finger on a tablet; otherwise a mouse click.
 */
export class LiveRoom {
  readonly startButton: Locator;
  readonly checkInButton: Locator;
  readonly myAttendance: Locator;
  readonly currentItem: Locator;
  readonly quorum: Locator;
  readonly createPollButton: Locator;

  constructor(
    readonly page: Page,
    readonly touch: boolean,
  ) {
    this.startButton = page.getByRole('button', { name: LIVE_TEXT.start, exact: true });
    this.checkInButton = page.getByRole('button', { name: LIVE_TEXT.checkIn, exact: true });
    this.myAttendance = page.getByTestId('my-attendance');
    this.currentItem = page.getByTestId('current-item');
    this.quorum = page.getByTestId('quorum');
    this.createPollButton = page.getByRole('button', { name: LIVE_TEXT.polls.create, exact: true });
  }

  async open(meetingId: string): Promise<void> {
    await this.page.goto(`/meetings/${meetingId}/live`);
    // The live state has arrived: the panels that need it are drawn.
    await expect(this.quorum).toBeVisible();
  }

  async press(target: Locator): Promise<void> {
    if (this.touch) await target.tap();
    else await target.click();
  }

  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** The chair starts the meeting (behind a confirmation) and moves to the first agenda item. */
  async startMeeting(firstItemTitle: string): Promise<void> {
    await this.press(this.startButton);
    const dialog = this.dialog(LIVE_TEXT.start);
    await this.press(dialog.getByRole('button', { name: LIVE_TEXT.start, exact: true }));
    await expect(dialog).toBeHidden();
    const first = this.page.getByRole('button', { name: LIVE_TEXT.firstItem, exact: true });
    await this.press(first);
    await expect(this.currentItem).toContainText(firstItemTitle);
  }

  async checkIn(): Promise<void> {
    await this.press(this.checkInButton);
    await expect(this.myAttendance).toContainText(LIVE_TEXT.checkedIn);
    await expect(this.checkInButton).toBeHidden();
  }

  /**
   * The chair or secretary prepares a yes/no/abstain poll through the form; the agenda item is
   * the one under discussion, which the form must have chosen by itself.
   */
  async createMotion(question: string, { secrecy, base }: { secrecy: Secrecy; base: Base }): Promise<Locator> {
    const text = LIVE_TEXT.polls;
    await this.press(this.createPollButton);
    const dialog = this.dialog(text.createTitle);
    await dialog.getByLabel(text.question, { exact: true }).fill(question);
    const item = dialog.getByLabel(text.item, { exact: true });
    await expect(item.locator('option:checked')).toContainText(`(${text.now})`);
    await dialog.getByLabel(text.secrecy, { exact: true }).selectOption({ label: text.secrecies[secrecy] });
    await dialog.getByLabel(text.base, { exact: true }).selectOption({ label: text.bases[base] });
    await this.press(dialog.getByRole('button', { name: text.createSubmit, exact: true }));
    await expect(dialog).toBeHidden();
    const card = this.poll(question);
    await expect(this.status(card)).toHaveText(text.status.draft);
    return card;
  }

  /** The poll's card, found by its question. */
  poll(question: string): Locator {
    return this.page.locator('article[data-poll-id]').filter({ has: this.page.getByRole('heading', { name: question, exact: true }) });
  }

  status(card: Locator): Locator {
    return card.locator('.poll-status');
  }

  progress(card: Locator): Locator {
    return card.getByTestId('poll-progress');
  }

  result(card: Locator): Locator {
    return card.getByTestId('poll-result');
  }

  chart(card: Locator): Locator {
    return this.result(card).getByRole('img', { name: LIVE_TEXT.polls.chart });
  }

  /** The chair opens a draft poll; the quorum is met, so no override is asked for. */
  async openPoll(card: Locator): Promise<void> {
    const text = LIVE_TEXT.polls;
    await this.press(card.getByRole('button', { name: text.open, exact: true }));
    const dialog = this.dialog(text.open);
    await this.press(dialog.getByRole('button', { name: text.open, exact: true }));
    await expect(dialog).toBeHidden();
    await expect(this.status(card)).toHaveText(text.status.open);
  }

  /** The chair closes an open poll, behind a confirmation. */
  async closePoll(card: Locator): Promise<void> {
    const text = LIVE_TEXT.polls;
    await this.press(card.getByRole('button', { name: text.close, exact: true }));
    const dialog = this.dialog(text.close);
    await this.press(dialog.getByRole('button', { name: text.close, exact: true }));
    await expect(dialog).toBeHidden();
  }

  /** Chooses, sees the choice pressed, asks to vote, confirms, and waits for the recorded state. */
  async vote(card: Locator, choice: MotionChoice): Promise<void> {
    const text = LIVE_TEXT.polls;
    const option = card.getByRole('button', { name: text.choices[choice], exact: true });
    await this.press(option);
    await expect(option).toHaveAttribute('aria-pressed', 'true');
    for (const other of Object.keys(text.choices) as MotionChoice[]) {
      if (other !== choice) await expect(card.getByRole('button', { name: text.choices[other], exact: true })).toHaveAttribute('aria-pressed', 'false');
    }
    await this.press(card.getByRole('button', { name: text.submit, exact: true }));
    await this.press(card.getByRole('button', { name: text.confirm, exact: true }));
    await expect(card.getByRole('status').filter({ hasText: text.recorded })).toBeVisible();
  }

  /** A named poll's list of who voted what, opened (it starts folded). */
  async voters(card: Locator, count: number): Promise<Locator> {
    const summary = this.result(card).getByText(LIVE_TEXT.polls.voters(count), { exact: true });
    await this.press(summary);
    const table = this.result(card).locator('details.poll-voters table');
    await expect(table).toBeVisible();
    return table;
  }
}
