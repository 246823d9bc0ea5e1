import { describe, expect, it } from 'vitest';
import { findAll, findInPage, firstHitFrom, foldQuery, foldText, pageText, stepHit, type SearchHit } from './search-logic';

describe('foldText', () => {
  it('drops case and Vietnamese diacritics, đ included', () => {
    expect(foldText('Nghị quyết về Đề án').text).toBe('nghi quyet ve de an');
    expect(foldText('ĐỒNG Ý, ưu tiên').text).toBe('dong y, uu tien');
    expect(foldText('Phường Bến Nghé').text).toBe('phuong ben nghe');
  });

  it('treats decomposed text (e + combining marks) like precomposed text', () => {
    const decomposed = 'Nghị quyết'.normalize('NFD');
    expect(foldText(decomposed).text).toBe('nghi quyet');
  });

  it('collapses white space and line breaks into single spaces', () => {
    expect(foldText('  a \n\t b  ').text).toBe('a b ');
  });

  it('maps each folded character back to its source, marks included', () => {
    const source = 'Đề\nán';
    const folded = foldText(source);
    expect(folded.text).toBe('de an');
    expect(folded.starts).toEqual([0, 1, 2, 3, 4]);
    expect(folded.ends).toEqual([1, 2, 3, 4, 5]);
    const decomposed = 'ế'.normalize('NFD');
    expect(decomposed.length).toBe(3);
    expect(foldText(`x${decomposed}y`)).toEqual({ text: 'xey', starts: [0, 1, 4], ends: [1, 4, 5] });
  });

  it('splits ligatures', () => {
    expect(foldText('ﬁnal').text).toBe('final');
  });
});

describe('foldQuery and findAll', () => {
  it('folds and trims the query; an empty query finds nothing', () => {
    expect(foldQuery('  Đề   ÁN ')).toBe('de an');
    expect(findAll('abc', '')).toEqual([]);
  });

  it('finds non-overlapping occurrences', () => {
    expect(findAll('aaaa', 'aa')).toEqual([0, 2]);
    expect(findAll('de an, de an', 'de an')).toEqual([0, 7]);
    expect(findAll('abc', 'x')).toEqual([]);
  });
});

describe('findInPage', () => {
  const page = pageText([
    { str: 'NGHỊ QUYẾT', hasEOL: true },
    { str: 'Về việc phê duyệt ', hasEOL: false },
    { str: 'Đề án', hasEOL: false },
    { str: ' số 12; đề', hasEOL: true },
    { str: 'án thứ hai', hasEOL: false },
  ]);

  it('finds a query without diacritics in text with them', () => {
    expect(findInPage(page, foldQuery('nghi quyet'))).toEqual([[{ item: 0, from: 0, to: 10 }]]);
    expect(findInPage(page, foldQuery('PHÊ DUYỆT'))).toEqual([[{ item: 1, from: 8, to: 17 }]]);
  });

  it('maps a hit across items and across a line break to each item it touches', () => {
    const hits = findInPage(page, foldQuery('de an'));
    expect(hits).toEqual([
      [{ item: 2, from: 0, to: 5 }],
      // "đề" ends item 3's line, "án" starts item 4.
      [
        { item: 3, from: 8, to: 10 },
        { item: 4, from: 0, to: 2 },
      ],
    ]);
    expect(findInPage(page, foldQuery('duyet de an so'))).toEqual([
      [
        { item: 1, from: 12, to: 18 },
        { item: 2, from: 0, to: 5 },
        { item: 3, from: 0, to: 3 },
      ],
    ]);
  });

  it('highlights whole decomposed letters', () => {
    const decomposed = pageText([{ str: 'Quyết định'.normalize('NFD'), hasEOL: false }]);
    const [hit] = findInPage(decomposed, foldQuery('dinh'));
    const str = 'Quyết định'.normalize('NFD');
    expect(str.slice(hit![0]!.from, hit![0]!.to).normalize('NFC')).toBe('định');
  });

  it('finds nothing on a page without text (a scan)', () => {
    expect(findInPage(pageText([]), 'de an')).toEqual([]);
  });
});

describe('moving between hits', () => {
  it('steps forward and back, wrapping around', () => {
    expect(stepHit(-1, 3, 1)).toBe(0);
    expect(stepHit(-1, 3, -1)).toBe(2);
    expect(stepHit(2, 3, 1)).toBe(0);
    expect(stepHit(0, 3, -1)).toBe(2);
    expect(stepHit(0, 0, 1)).toBe(-1);
  });

  it('starts from the first hit at or after the page being read', () => {
    const hits: SearchHit[] = [2, 5, 5, 9].map((page, i) => ({ page, index: i, ranges: [] }));
    expect(firstHitFrom(hits, 1)).toBe(0);
    expect(firstHitFrom(hits, 5)).toBe(1);
    expect(firstHitFrom(hits, 10)).toBe(0);
    expect(firstHitFrom([], 3)).toBe(-1);
  });
});
