import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Vietnamese words of the document viewer the tests rely on (client/src/i18n/vi-viewer.ts).
 * Kept here, like support/ui-text.ts, so a changed translation fails a test.
 */
export const VIEWER_TEXT = {
  pageLabel: (page: number) => `Trang ${page}`,
  search: 'Tìm trong tài liệu',
  searchNext: 'Kết quả tiếp theo',
};

/** `/documents/:id`: the continuous PDF viewer. */
export class ViewerPage {
  readonly root: Locator;
  readonly searchBox: Locator;
  /** "k / n" of the search. */
  readonly searchStatus: Locator;
  /** Search hits marked in the text layer of the drawn pages. */
  readonly highlights: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('.pdf-viewer');
    this.searchBox = page.getByRole('searchbox', { name: VIEWER_TEXT.search, exact: true });
    this.searchStatus = this.root.locator('.pdf-search-status');
    this.highlights = this.root.locator('.textLayer .highlight');
  }

  /** Page `n`: an image named "Trang n". */
  pageImage(n: number): Locator {
    return this.page.getByRole('img', { name: VIEWER_TEXT.pageLabel(n), exact: true });
  }

  /** Page `n` is drawn and is the page being read (the viewer names it on its root). */
  async expectDrawn(n: number): Promise<void> {
    await expect(this.pageImage(n)).toHaveAttribute('data-rendered', 'true');
    await expect(this.root).toHaveAttribute('data-rendered-page', String(n));
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }
}
