import { expect, type Locator, type Page } from '@playwright/test';
import { ViewerPage } from './ViewerPage.ts';

/**
 * The Vietnamese words of the annotation tools, the sync status and follow-the-presenter the
 * tests rely on (client/src/i18n/vi-annotations.ts, vi.ts, vi-viewer.ts). Kept here, like
 * support/ui-text.ts, so a changed translation fails a test.
 */
export const ANNOTATION_TEXT = {
  tools: 'Công cụ',
  tool: { select: 'Chọn', pen: 'Bút', note: 'Ghi chú dán' },
  layerGroup: 'Lớp cho ghi chú mới',
  layer: { private: 'Riêng tư', shared: 'Chia sẻ' },
  noteNew: 'Ghi chú mới',
  note: 'Ghi chú',
  noteText: 'Nội dung',
  save: 'Lưu',
  cancel: 'Hủy',
  synced: 'Đã đồng bộ',
  offline: 'Mất kết nối: thay đổi sẽ được gửi khi có mạng trở lại',
  onlyLocal: 'Chỉ lưu trên máy này',
  present: 'Trình chiếu',
  follow: 'Theo người trình bày',
  nobody: 'Chưa có ai trình bày.',
  presenting: (name: string, page: number) => `${name} đang trình bày trang ${page}.`,
  youPresent: (page: number) => `Bạn đang trình bày trang ${page}.`,
  goToPage: 'Đến trang',
  pageArea: 'Nội dung tài liệu',
} as const;

export type Layer = keyof typeof ANNOTATION_TEXT.layer;
type ToolName = keyof typeof ANNOTATION_TEXT.tool;

/** A point of a page's visible part, as fractions (0–1) of that part's width and height. */
export interface At {
  x: number;
  y: number;
}

/**
 * `/documents/:id` with its annotation layers: the tools in the viewer's toolbar, one SVG layer
 * per drawn page (`annotation-layer-<n>`) holding the marks (`data-shape-id`, `data-layer`,
 * `data-author-id`, `data-kind`), the sync status, and the presenter switches.
 */
export class AnnotatedViewer {
  readonly viewer: ViewerPage;
  readonly tools: Locator;
  readonly layers: Locator;
  /** "Đã đồng bộ", "Mất kết nối…": the status of both layers together. */
  readonly syncStatus: Locator;
  /** "Chỉ lưu trên máy này": marks the server has not received yet. */
  readonly onlyLocal: Locator;
  readonly presentSwitch: Locator;
  readonly followSwitch: Locator;
  /** Who presents which page, as this reader's controls say it. */
  readonly presenterLine: Locator;
  readonly pageInput: Locator;

  constructor(readonly page: Page) {
    this.viewer = new ViewerPage(page);
    this.tools = page.getByRole('radiogroup', { name: ANNOTATION_TEXT.tools, exact: true });
    this.layers = page.getByRole('radiogroup', { name: ANNOTATION_TEXT.layerGroup, exact: true });
    this.syncStatus = page.locator('.collab-status');
    this.onlyLocal = page.getByTestId('only-local');
    this.presentSwitch = page.getByRole('switch', { name: ANNOTATION_TEXT.present, exact: true });
    this.followSwitch = page.getByRole('switch', { name: ANNOTATION_TEXT.follow, exact: true });
    this.presenterLine = page.locator('.presenter-line');
    this.pageInput = page.getByRole('spinbutton', { name: ANNOTATION_TEXT.goToPage });
  }

  /** Opens the document and waits until page 1 is drawn and both layers have synced with the server. */
  async open(documentId: string): Promise<void> {
    await this.page.goto(`/documents/${documentId}`);
    await this.expectReady(1);
  }

  /** After a (re)load: page `n` drawn, the tools usable and the layers in sync. */
  async expectReady(n: number): Promise<void> {
    await this.viewer.expectDrawn(n);
    await expect(this.tool('pen')).toBeEnabled();
    await expect(this.syncStatus).toHaveText(ANNOTATION_TEXT.synced);
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.expectReady(1);
  }

  tool(name: ToolName): Locator {
    return this.tools.getByRole('radio', { name: ANNOTATION_TEXT.tool[name], exact: true });
  }

  async useTool(name: ToolName): Promise<void> {
    await this.tool(name).click();
    await expect(this.tool(name)).toBeChecked();
  }

  /** The layer new marks go to. */
  async useLayer(layer: Layer): Promise<void> {
    const radio = this.layers.getByRole('radio', { name: ANNOTATION_TEXT.layer[layer], exact: true });
    await radio.click();
    await expect(radio).toBeChecked();
  }

  /** Page `n`'s annotation layer (an SVG over the drawn page). */
  annotationLayer(n: number): Locator {
    return this.page.getByTestId(`annotation-layer-${n}`);
  }

  /** The marks on page `n`, optionally only those of one layer, kind or author. */
  marks(n: number, filter: { layer?: Layer; kind?: 'ink' | 'note'; authorId?: string } = {}): Locator {
    const attrs = [
      '[data-shape-id]',
      filter.layer ? `[data-layer="${filter.layer}"]` : '',
      filter.kind ? `[data-kind="${filter.kind}"]` : '',
      filter.authorId ? `[data-author-id="${filter.authorId}"]` : '',
    ].join('');
    return this.annotationLayer(n).locator(attrs);
  }

  /**
   * Draws a stroke with the pen on page `n`, with real mouse events over its annotation layer,
   * from `from` to `to` in a few steps. Uses the part of the page in view, wherever it is scrolled.
   */
  async drawStroke(n: number, from: At, to: At): Promise<void> {
    await this.useTool('pen');
    const box = await this.visibleBox(n);
    const point = (at: At) => ({ x: box.x + at.x * box.width, y: box.y + at.y * box.height });
    const a = point(from);
    const b = point(to);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 10, { steps: 5 });
    await this.page.mouse.move(b.x, b.y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Places a sticky note on page `n` (tap with the note tool), writes `text` and saves it. */
  async addNote(n: number, at: At, text: string): Promise<void> {
    await this.useTool('note');
    const box = await this.visibleBox(n);
    await this.page.mouse.click(box.x + at.x * box.width, box.y + at.y * box.height);
    const dialog = this.page.getByRole('dialog', { name: ANNOTATION_TEXT.noteNew, exact: true });
    await dialog.getByLabel(ANNOTATION_TEXT.noteText, { exact: true }).fill(text);
    await dialog.getByRole('button', { name: ANNOTATION_TEXT.save, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens a note (select tool, tap on it) and returns its dialog; close it with `closeNote`. */
  async openNote(note: Locator): Promise<Locator> {
    await this.useTool('select');
    await note.click();
    const dialog = this.page.getByRole('dialog', { name: ANNOTATION_TEXT.note, exact: true });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  noteText(dialog: Locator): Locator {
    return dialog.getByLabel(ANNOTATION_TEXT.noteText, { exact: true });
  }

  async closeNote(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: ANNOTATION_TEXT.cancel, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Types a page number into the toolbar ("Đến trang") and waits until that page is drawn and current. */
  async goToPage(n: number): Promise<void> {
    await this.pageInput.fill(String(n));
    await this.pageInput.press('Enter');
    await this.expectOnPage(n);
  }

  /** Page `n` is the one being read: drawn, named on the viewer, and shown in the page field. */
  async expectOnPage(n: number): Promise<void> {
    await this.viewer.expectDrawn(n);
    await expect(this.pageInput).toHaveValue(String(n));
  }

  /** The on-screen part of page `n`'s annotation layer: inside the scrolling area and the window. */
  private async visibleBox(n: number): Promise<{ x: number; y: number; width: number; height: number }> {
    // The reader is a screen high and the page header above it scrolls away with the window, as
    // a reader would scroll it before writing on the page.
    await this.viewer.root.scrollIntoViewIfNeeded();
    const layer = await this.annotationLayer(n).boundingBox();
    const area = await this.page.getByRole('region', { name: ANNOTATION_TEXT.pageArea, exact: true }).boundingBox();
    const window = this.page.viewportSize();
    if (!layer || !area || !window) throw new Error(`page ${n} is not on screen`);
    const x = Math.max(layer.x, area.x, 0);
    const y = Math.max(layer.y, area.y, 0);
    const width = Math.min(layer.x + layer.width, area.x + area.width, window.width) - x;
    const height = Math.min(layer.y + layer.height, area.y + area.height, window.height) - y;
    if (width < 100 || height < 100) throw new Error(`too little of page ${n} is in view to draw on (${width}×${height})`);
    return { x, y, width, height };
  }
}
