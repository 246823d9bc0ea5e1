import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Vietnamese words of meeting preparation the tests rely on (client/src/i18n/vi-meetings.ts).
 * Kept here, like support/ui-text.ts, so a changed translation fails a test.
 */
export const MEETING_TEXT = {
  nav: 'Cuộc họp',
  create: 'Tạo cuộc họp',
  title: 'Tên cuộc họp',
  kind: 'Loại cuộc họp',
  startsAt: 'Bắt đầu',
  endsAt: 'Kết thúc',
  place: 'Địa điểm',
  participant: 'Thành phần tham dự',
  participantRole: 'Vai trò trong cuộc họp',
  addParticipant: 'Thêm thành phần',
  agendaAdd: 'Thêm nội dung',
  itemTitle: 'Tiêu đề',
  duration: 'Thời lượng (phút)',
  save: 'Lưu',
  uploadFor: (title: string) => `Tải tài liệu lên: ${title}`,
  actions: 'Thao tác với cuộc họp',
  submit: 'Trình duyệt',
  approve: 'Phê duyệt',
  publish: 'Phát hành',
  pageLabel: (page: number) => `Trang ${page}`,
  kinds: { regular: 'Thường kỳ', extraordinary: 'Bất thường', thematic: 'Chuyên đề' },
  roles: { chair: 'Chủ trì', secretary: 'Thư ký', member: 'Thành viên', invitee: 'Khách mời', observer: 'Quan sát viên' },
  status: { draft: 'Dự thảo', submitted: 'Chờ duyệt', approved: 'Đã duyệt', published: 'Đã phát hành' },
} as const;

type MeetingRoleName = keyof typeof MEETING_TEXT.roles;
type MeetingStatusName = keyof typeof MEETING_TEXT.status;

/** What the "create meeting" form asks for. `startsAt`/`endsAt` as datetime-local values (Vietnam time). */
export interface MeetingForm {
  title: string;
  kind: keyof typeof MEETING_TEXT.kinds;
  startsAt: string;
  endsAt: string;
  place: string;
  /** The person's full name as the directory select shows it, and their role in the meeting. */
  participants: { name: string; role: MeetingRoleName }[];
}

/** The meetings list (/meetings), the "create meeting" form and one meeting's page. */
export class MeetingPage {
  readonly listHeading: Locator;
  readonly createButton: Locator;
  readonly actions: Locator;
  readonly addItemButton: Locator;

  constructor(readonly page: Page) {
    this.listHeading = page.getByRole('heading', { level: 1, name: MEETING_TEXT.nav, exact: true });
    this.createButton = page.getByRole('button', { name: MEETING_TEXT.create, exact: true });
    this.actions = page.getByRole('group', { name: MEETING_TEXT.actions });
    this.addItemButton = page.getByRole('button', { name: MEETING_TEXT.agendaAdd, exact: true });
  }

  async gotoList(): Promise<void> {
    await this.page.goto('/meetings');
    await expect(this.listHeading).toBeVisible();
  }

  /** The meeting's link in the list (or the title on its card). */
  listLink(title: string): Locator {
    return this.page.getByRole('link', { name: title, exact: true });
  }

  /** The meeting page's title. */
  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  /** The status badge, exactly as shown. */
  status(status: MeetingStatusName): Locator {
    return this.page.getByText(MEETING_TEXT.status[status], { exact: true });
  }

  /** A transition button ("Trình duyệt", "Phê duyệt", "Phát hành"…). */
  transition(name: 'submit' | 'approve' | 'publish'): Locator {
    return this.actions.getByRole('button', { name: MEETING_TEXT[name], exact: true });
  }

  /** An agenda item's heading ("1. Title"). */
  agendaItem(title: string): Locator {
    return this.page.getByRole('heading', { level: 3, name: title });
  }

  /** A document's link to the viewer, named by the document title. */
  documentLink(title: string): Locator {
    return this.page.getByRole('link', { name: title, exact: true });
  }

  /** From /meetings: "Tạo cuộc họp", fill the form, submit; ends on the new meeting's page. */
  async create(form: MeetingForm): Promise<void> {
    await this.createButton.click();
    const field = (label: string) => this.page.getByLabel(label, { exact: true });
    await field(MEETING_TEXT.title).fill(form.title);
    await field(MEETING_TEXT.kind).selectOption({ label: MEETING_TEXT.kinds[form.kind] });
    await field(MEETING_TEXT.startsAt).fill(form.startsAt);
    await field(MEETING_TEXT.endsAt).fill(form.endsAt);
    await field(MEETING_TEXT.place).fill(form.place);
    const who = field(MEETING_TEXT.participant);
    // The select is disabled until the directory has loaded.
    await expect(who).toBeEnabled();
    for (const { name, role } of form.participants) {
      await who.selectOption({ label: name });
      await field(MEETING_TEXT.participantRole).selectOption({ label: MEETING_TEXT.roles[role] });
      await this.page.getByRole('button', { name: MEETING_TEXT.addParticipant, exact: true }).click();
      await expect(this.page.getByLabel(`Vai trò của ${name}`, { exact: true })).toHaveValue(role);
    }
    await this.createButton.click();
    await expect(this.heading(form.title)).toBeVisible();
  }

  /** "Thêm nội dung" on the meeting page: title and time box, then "Lưu". */
  async addAgendaItem(title: string, minutes: number): Promise<void> {
    await this.addItemButton.click();
    const dialog = this.page.getByRole('dialog', { name: MEETING_TEXT.agendaAdd });
    await dialog.getByLabel(MEETING_TEXT.itemTitle, { exact: true }).fill(title);
    await dialog.getByLabel(MEETING_TEXT.duration, { exact: true }).fill(String(minutes));
    await dialog.getByRole('button', { name: MEETING_TEXT.save, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.agendaItem(title)).toBeVisible();
  }

  /** Uploads a file to an agenda item and waits for its document link (title = file name without extension). */
  async uploadDocument(itemTitle: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByLabel(MEETING_TEXT.uploadFor(itemTitle), { exact: true }).setInputFiles(file);
    await expect(this.documentLink(file.name.replace(/\.[^.]+$/, ''))).toBeVisible();
  }
}
