import { describe, expect, it } from 'vitest';
import { MAX_DOC_NAME_LENGTH, collabParams, docNames, parseDocName } from './collab.ts';
import { PROTOCOL_VERSION } from './version.ts';

const m = '65f0a1b2c3d4e5f601234567';
const v = '65f0a1b2c3d4e5f601234568';
const u = '65f0a1b2c3d4e5f601234569';

describe('doc names', () => {
  it('round-trips every kind', () => {
    for (const name of [docNames.annShared(m, v), docNames.annPrivate(m, v, u), docNames.minutes(m)]) {
      const parsed = parseDocName(name);
      expect(parsed).not.toBeNull();
      expect(docNames.format(parsed!)).toBe(name);
    }
    expect(parseDocName(`ann:${m}:${v}:shared`)).toEqual({ kind: 'ann', meetingId: m, versionId: v, layer: 'shared' });
    expect(parseDocName(`ann:${m}:${v}:private:${u}`)).toEqual({ kind: 'ann', meetingId: m, versionId: v, layer: 'private', userId: u });
    expect(parseDocName(`minutes:${m}`)).toEqual({ kind: 'minutes', meetingId: m });
    expect(docNames.annPrivate(m, v, u).length).toBe(MAX_DOC_NAME_LENGTH);
  });

  it('refuses anything that is not canonical', () => {
    const bad = [
      '',
      'ann',
      `ann:${m}`,
      `ann:${m}:${v}`,
      `ann:${m}:${v}:public`,
      `ann:${m}:${v}:private`,
      `ann:${m}:${v}:shared:${u}`,
      `ann:${m}:${v}:private:${u}:x`,
      `ann:${m.toUpperCase()}:${v}:shared`,
      `ann:${m}:${v.slice(1)}:shared`,
      `ann:${m}:../${v.slice(3)}:shared`,
      `ann:${m}:${v}:shared `,
      `minutes:${m}:x`,
      `minutes:${m}0`,
      `Minutes:${m}`,
      `notes:${m}`,
      `ann::${v}:shared`,
      'x'.repeat(10_000),
    ];
    for (const name of bad) expect(parseDocName(name), name).toBeNull();
  });

  it('will not format a name from a bad id', () => {
    expect(() => docNames.minutes('nope')).toThrow(RangeError);
    expect(() => docNames.annShared(m, `${v}:private`)).toThrow(RangeError);
  });

  it('carries the protocol version in the upgrade parameters', () => {
    expect(collabParams()).toEqual({ v: String(PROTOCOL_VERSION) });
  });
});
