/** Lower-case, without Vietnamese diacritics: "Nguyễn Văn Đức" → "nguyen van duc". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Trims and NFC-normalises user text so the same name is stored the same way. */
export function clean(text: string): string {
  return text.normalize('NFC').trim();
}
