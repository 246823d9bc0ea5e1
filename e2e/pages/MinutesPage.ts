import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Vietnamese words of the minutes page the tests rely on (client/src/i18n/vi-minutes.ts,
 * and the collab status from vi-annotations.ts). Kept here, like support/ui-text.ts, so a changed
 * translation fails a test.
 */
export const MINUTES_TEXT = {
  title: 'Biên bản & kết luận',
  open: 'Mở biên bản & kết luận',
  draftTitle: 'Dự thảo biên bản',
  synced: 'Đã đồng bộ',
  readOnly: 'Chỉ thư ký và chủ trì cuộc họp soạn biên bản; bạn đang xem bản dự thảo.',
  itemHeading: (n: number, title: string) => `${n}. ${title}`,
  opinions: 'Ý kiến phát biểu',
  conclusion: 'Kết luận / chỉ đạo',
  approve: 'Phê duyệt kết luận',
  approveConfirmTitle: 'Phê duyệt kết luận?',
  approved: (version: number) => `Đã phê duyệt phiên bản ${version}.`,
  versionsTitle: 'Các phiên bản đã phê duyệt',
  version: (version: number) => `Phiên bản ${version}`,
  status: { generating: 'Đang tạo PDF…', ready: 'Chờ ký số', signed: 'Đã ký số', failed: 'Tạo PDF lỗi' },
  minutesPdf: 'Biên bản (PDF) (mở trong thẻ mới)',
  noticePdf: 'Thông báo kết luận (PDF) (mở trong thẻ mới)',
  sign: 'Ký số',
  signConfirmTitle: (version: number) => `Ký số phiên bản ${version}?`,
  signed: (version: number) => `Đã ký số phiên bản ${version}.`,
  signature: 'Chữ ký số',
  signedBy: 'Người ký',
} as const;

export type MinutesPdfKind = 'minutes' | 'notice';
type VersionStatus = keyof typeof MINUTES_TEXT.status;

/** "Biên bản & kết luận" (/meetings/:id/minutes) for one person. */
export class MinutesPage {
  readonly heading: Locator;
  readonly draft: Locator;
  readonly collabStatus: Locator;
  readonly approveButton: Locator;
  readonly versions: Locator;
  readonly toasts: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: MINUTES_TEXT.title });
    this.draft = page.getByRole('region', { name: MINUTES_TEXT.draftTitle, exact: true });
    this.collabStatus = this.draft.getByText(MINUTES_TEXT.synced, { exact: true });
    this.approveButton = this.draft.getByRole('button', { name: MINUTES_TEXT.approve, exact: true });
    this.versions = page.getByRole('region', { name: MINUTES_TEXT.versionsTitle, exact: true });
    this.toasts = page.getByRole('region', { name: 'Thông báo', exact: true });
  }

  /** Opens the page and waits until the shared draft is in sync with the server. */
  async open(meetingId: string): Promise<void> {
    await this.page.goto(`/meetings/${meetingId}/minutes`);
    await expect(this.heading).toBeVisible();
    await this.expectSynced();
  }

  async expectSynced(): Promise<void> {
    await expect(this.collabStatus).toBeVisible();
  }

  /** An agenda item's part of the draft, by its number and title ("1. …"). */
  item(n: number, title: string): Locator {
    return this.draft.getByRole('region', { name: MINUTES_TEXT.itemHeading(n, title), exact: true });
  }

  opinions(item: Locator): Locator {
    return item.getByLabel(MINUTES_TEXT.opinions, { exact: true });
  }

  conclusion(item: Locator): Locator {
    return item.getByLabel(MINUTES_TEXT.conclusion, { exact: true });
  }

  /** Types into a field key by key, as a person does: every key is one live edit of the shared text. */
  async type(field: Locator, text: string): Promise<void> {
    await field.click();
    await field.pressSequentially(text);
    await expect(field).toHaveValue(text);
  }

  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title, exact: true });
  }

  /** The chair approves the draft (behind a confirmation); the new version is announced. */
  async approve(version: number): Promise<void> {
    await this.approveButton.click();
    const dialog = this.dialog(MINUTES_TEXT.approveConfirmTitle);
    await dialog.getByRole('button', { name: MINUTES_TEXT.approve, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.toasts.getByText(MINUTES_TEXT.approved(version), { exact: true })).toBeVisible();
  }

  /** A version's entry in the list of approved versions. */
  version(version: number): Locator {
    return this.versions.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: MINUTES_TEXT.version(version), exact: true }) });
  }

  /** The version's status badge. */
  status(version: number): Locator {
    return this.version(version).locator('.minutes-badge');
  }

  /**
   * Waits for the version to reach `status`. The PDFs are rendered in a background queue and the
   * page asks the server again until they are; `timeout` leaves room for that on a busy machine.
   */
  async expectStatus(version: number, status: VersionStatus, timeout = 60_000): Promise<void> {
    await expect(this.status(version)).toHaveText(MINUTES_TEXT.status[status], { timeout });
  }

  pdfLink(version: number, kind: MinutesPdfKind): Locator {
    return this.version(version).getByRole('link', { name: kind === 'minutes' ? MINUTES_TEXT.minutesPdf : MINUTES_TEXT.noticePdf, exact: true });
  }

  /** The chair signs the version (behind a confirmation) and sees it signed. */
  async sign(version: number): Promise<void> {
    await this.version(version).getByRole('button', { name: MINUTES_TEXT.sign, exact: true }).click();
    const dialog = this.dialog(MINUTES_TEXT.signConfirmTitle(version));
    await dialog.getByRole('button', { name: MINUTES_TEXT.sign, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.toasts.getByText(MINUTES_TEXT.signed(version), { exact: true })).toBeVisible();
    await this.expectStatus(version, 'signed');
  }

  /** The version's signature panel, shown once it is signed. */
  signature(version: number): Locator {
    return this.version(version).getByRole('region', { name: MINUTES_TEXT.signature, exact: true });
  }

  /**
   * Clicks a version's PDF link as a person does: a new tab opens on the PDF, served inline to
   * Chromium's PDF viewer under `filename`. The viewer hands Playwright its own wrapper page
   * rather than the file, so the bytes are then fetched with the same cookies (`page.request`)
   * and checked to be a PDF.
   */
  async openPdf(version: number, kind: MinutesPdfKind, filename: string): Promise<Buffer> {
    const link = this.pdfLink(version, kind);
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`/minutes/versions/${version}/${kind}\\.pdf$`));
    const url = new URL(href!, this.page.url()).href;
    const context = this.page.context();
    const opened = context.waitForEvent('response', (r) => r.url() === url);
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    const res = await opened;
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['content-disposition']).toContain(`inline; filename="${filename}"`);
    await expect(tab).toHaveURL(url);
    await tab.close();

    const download = await this.page.request.get(url);
    expect(download.status()).toBe(200);
    const bytes = await download.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return bytes;
  }
}
