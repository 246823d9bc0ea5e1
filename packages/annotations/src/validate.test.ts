import { describe, expect, it } from 'vitest';
import { makeFreehand, makeInk, makeNote, makeTextHighlight, makeTextbox } from './test-support/factories.ts';
import { Limits } from './types.ts';
import { isValidShape } from './validate.ts';

const withField = (base: object, patch: Record<string, unknown>): unknown => ({ ...base, ...patch });

describe('isValidShape', () => {
  it('accepts a shape of every kind, and unknown extra fields', () => {
    for (const s of [makeInk(), makeFreehand(), makeTextHighlight(), makeNote(), makeTextbox()]) {
      expect(isValidShape(s)).toBe(true);
    }
    expect(isValidShape(withField(makeInk(), { futureField: 1 }))).toBe(true);
    expect(isValidShape(makeNote({ text: '' }))).toBe(true); // a note just placed, not yet typed
  });

  it('rejects non-objects and unknown kinds', () => {
    for (const x of [null, undefined, 42, 'ink', [], [makeInk()]]) expect(isValidShape(x)).toBe(false);
    expect(isValidShape(withField(makeInk(), { kind: 'arrow' }))).toBe(false);
    expect(isValidShape(withField(makeInk(), { kind: undefined }))).toBe(false);
    expect(isValidShape(withField(makeTextHighlight(), { mode: 'underline' }))).toBe(false);
  });

  it('rejects non-finite numbers anywhere', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      expect(isValidShape(makeInk({ points: [[1, 2, 0.5], [bad, 2, 0.5]] }))).toBe(false);
      expect(isValidShape(makeInk({ width: bad }))).toBe(false);
      expect(isValidShape(makeNote({ at: [1, bad] }))).toBe(false);
      expect(isValidShape(makeTextbox({ rect: [1, 2, bad, 4] }))).toBe(false);
      expect(isValidShape(makeTextbox({ fontSize: bad }))).toBe(false);
      expect(isValidShape(makeTextHighlight({ alpha: bad }))).toBe(false);
      expect(isValidShape(makeNote({ createdAt: bad }))).toBe(false);
    }
    expect(isValidShape(withField(makeInk(), { points: [[1, '2', 0.5]] }))).toBe(false);
  });

  it('rejects oversized arrays and text', () => {
    const many = Array.from({ length: Limits.MAX_POINTS + 1 }, (_, i) => [i, i, 0.5] as [number, number, number]);
    expect(isValidShape(makeInk({ points: many }))).toBe(false);
    expect(isValidShape(makeInk({ points: many.slice(0, Limits.MAX_POINTS) }))).toBe(true);
    expect(isValidShape(makeFreehand({ points: many.map(([x, y]) => [x, y]) }))).toBe(false);
    const rects = Array.from({ length: Limits.MAX_RECTS + 1 }, () => [0, 0, 1, 1] as [number, number, number, number]);
    expect(isValidShape(makeTextHighlight({ rects }))).toBe(false);
    expect(isValidShape(makeNote({ text: 'x'.repeat(Limits.MAX_TEXT + 1) }))).toBe(false);
    expect(isValidShape(makeTextbox({ text: 'x'.repeat(Limits.MAX_TEXT) }))).toBe(true);
    expect(isValidShape(makeInk({ points: [[Limits.MAX_COORD * 2, 0, 0.5]] }))).toBe(false);
  });

  it('rejects empty geometry and malformed tuples', () => {
    expect(isValidShape(makeInk({ points: [] }))).toBe(false);
    expect(isValidShape(withField(makeInk(), { points: [[1, 2]] }))).toBe(false); // no pressure
    expect(isValidShape(makeInk({ points: [[1, 2, 1.5]] }))).toBe(false); // pressure > 1
    expect(isValidShape(makeTextbox({ rect: [0, 0, -5, 10] }))).toBe(false);
    expect(isValidShape(makeTextHighlight({ rects: [[0, 0, 10, 0]] }))).toBe(false);
    expect(isValidShape(withField(makeNote(), { at: [1, 2, 3] }))).toBe(false);
  });

  it('checks the common fields', () => {
    expect(isValidShape(makeInk({ page: 0 }))).toBe(false);
    expect(isValidShape(makeInk({ page: 1.5 }))).toBe(false);
    expect(isValidShape(makeInk({ page: -1 }))).toBe(false);
    expect(isValidShape(makeInk({ id: '' }))).toBe(false);
    expect(isValidShape(makeInk({ id: 'a b' }))).toBe(false);
    expect(isValidShape(makeInk({ id: 'x'.repeat(65) }))).toBe(false);
    expect(isValidShape(makeInk({ authorId: '' }))).toBe(false);
    expect(isValidShape(makeInk({ color: 'red' }))).toBe(false);
    expect(isValidShape(makeInk({ color: '#ff000' }))).toBe(false);
    expect(isValidShape(makeInk({ width: 0 }))).toBe(false);
    expect(isValidShape(makeTextHighlight({ alpha: 0 }))).toBe(false);
    expect(isValidShape(makeTextbox({ fontSize: 0.5 }))).toBe(false);
    const { authorName: _omit, ...noName } = makeInk();
    expect(isValidShape(noName)).toBe(false);
  });
});
