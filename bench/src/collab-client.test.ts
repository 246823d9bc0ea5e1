import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { shapeIdsIn } from './collab-client.ts';

/** A relayed update as the server frames it: sync (0), update (2), the update. */
function updateFrame(fn: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  let update: Uint8Array | null = null;
  doc.on('update', (u: Uint8Array) => (update = u));
  fn(doc);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update!);
  return encoding.toUint8Array(encoder);
}

const shape = (doc: Y.Doc, id: string) => {
  const m = new Y.Map<unknown>();
  m.set('id', id);
  m.set('kind', 'ink');
  const points = new Y.Array<unknown>();
  points.push([[1.5, 2.25, 0.5]]);
  m.set('points', points);
  doc.getMap('shapes').set(id, m);
};

describe('shapeIdsIn', () => {
  it("finds the ids of this phase's strokes in a relayed update, once each", () => {
    const frame = updateFrame((doc) => doc.transact(() => shape(doc, 'b03AAAAAAAAAAAAAAAAAA')));
    expect(shapeIdsIn(frame, 'b03', 21)).toEqual(['b03AAAAAAAAAAAAAAAAAA']);
  });

  it("ignores another phase's strokes, other lengths and frames that are not sync updates", () => {
    const other = updateFrame((doc) => doc.transact(() => shape(doc, 'b02AAAAAAAAAAAAAAAAAA')));
    expect(shapeIdsIn(other, 'b03', 21)).toEqual([]);
    const short = updateFrame((doc) => doc.transact(() => shape(doc, 'b03short')));
    expect(shapeIdsIn(short, 'b03', 21)).toEqual([]);
    const awareness = Uint8Array.from([1, ...updateFrame((doc) => shape(doc, 'b03AAAAAAAAAAAAAAAAAA')).subarray(1)]);
    expect(shapeIdsIn(awareness, 'b03', 21)).toEqual([]);
  });

  it('finds every stroke of a sync step 2 that carries several', () => {
    const doc = new Y.Doc();
    shape(doc, 'b03AAAAAAAAAAAAAAAAAA');
    shape(doc, 'b03BBBBBBBBBBBBBBBBBB');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep2(encoder, doc);
    expect(shapeIdsIn(encoding.toUint8Array(encoder), 'b03', 21).sort()).toEqual(['b03AAAAAAAAAAAAAAAAAA', 'b03BBBBBBBBBBBBBBBBBB']);
  });
});
