/**
 * The pure half of binding a `<textarea>` to a Y.Text: turning an edit of the whole value into
 * one splice, and carrying a caret or selection through a remote change. `TextareaBinding`
 * (textarea-binding.ts) wires these to the DOM and the doc.
 */

/** Replace `remove` characters at `index` with `insert`. */
export interface Splice {
  index: number;
  remove: number;
  insert: string;
}

/** A Y.Text event's delta (`YTextEvent.delta`), as far as plain text goes. */
export type TextDelta = readonly { retain?: number; insert?: unknown; delete?: number }[];

/**
 * The single splice that turns `before` into `after`: the part between their common prefix and
 * common suffix. `caret` (the selection end after the edit) settles which of two equal runs was
 * typed: typing "a" after the first "a" of "aa" is an insertion at 1, not at 2. Null when equal.
 */
export function diffText(before: string, after: string, caret?: number): Splice | null {
  if (before === after) return null;
  const grown = Math.max(0, after.length - before.length);
  // The edit ends at the caret, so it cannot start after caret − what was inserted.
  const prefixLimit = Math.min(before.length, after.length, caret === undefined ? Infinity : Math.max(0, caret - grown));
  let prefix = 0;
  while (prefix < prefixLimit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const suffixLimit = Math.min(before.length, after.length) - prefix;
  let suffix = 0;
  while (suffix < suffixLimit && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never split a surrogate pair (emoji): widen the splice to whole code points.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** `text` with the splice applied (what the Y.Text holds after `applySplice`). */
export function spliceText(text: string, splice: Splice): string {
  return text.slice(0, splice.index) + splice.insert + text.slice(splice.index + splice.remove);
}

/**
 * Where position `pos` of the old text is in the new one after a remote change. Text inserted
 * exactly at `pos` goes after it (the caret stays where the user left it), deleted text around
 * it pulls it back to the start of the deletion.
 */
export function mapPosition(pos: number, delta: TextDelta): number {
  let index = 0;
  let mapped = pos;
  for (const op of delta) {
    if (index >= pos) {
      // Everything from here on is after the position; inserts at `pos` do not move it.
      break;
    }
    if (op.retain !== undefined) {
      index += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      mapped += length;
    } else if (op.delete !== undefined) {
      const removed = Math.min(op.delete, pos - index);
      mapped -= removed;
      index += op.delete;
    }
  }
  return mapped;
}

export interface Selection {
  start: number;
  end: number;
}

/** A selection carried through a remote change; never inverted. */
export function mapSelection(selection: Selection, delta: TextDelta): Selection {
  const start = mapPosition(selection.start, delta);
  return { start, end: Math.max(start, mapPosition(selection.end, delta)) };
}

/**
 * A local splice made against an old text, moved onto the text after remote changes made in
 * the meantime (an IME composition holds local edits back until it ends).
 */
export function rebaseSplice(splice: Splice, deltas: readonly TextDelta[]): Splice {
  let start = splice.index;
  let end = splice.index + splice.remove;
  for (const delta of deltas) {
    start = mapPosition(start, delta);
    end = Math.max(start, mapPosition(end, delta));
  }
  return { index: start, remove: end - start, insert: splice.insert };
}
