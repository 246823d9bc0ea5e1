import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../http/app-error.ts';

export interface ReceivedFile {
  path: string;
  size: number;
  sha256: string;
  head: Buffer;
}

/**
 * Streams a request body to a file, hashing and counting as it goes. Never holds the file in
 * memory; stops with FILE_TOO_LARGE as soon as the limit is passed.
 */
export async function receiveToFile(body: Readable, dir: string, limit: number): Promise<ReceivedFile> {
  const file = path.join(dir, 'upload');
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(new AppError('FILE_TOO_LARGE'));
      if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(body, meter, fs.createWriteStream(file));
  if (size === 0) throw new AppError('FILE_EMPTY');
  return { path: file, size, sha256: hash.digest('hex'), head };
}

export async function sha256File(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

export type SniffedKind = { kind: 'pdf' } | { kind: 'office'; ext: string; contentType: string };

const OFFICE: Record<string, { zip: boolean; contentType: string }> = {
  docx: { zip: true, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { zip: true, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: { zip: true, contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  odt: { zip: true, contentType: 'application/vnd.oasis.opendocument.text' },
  ods: { zip: true, contentType: 'application/vnd.oasis.opendocument.spreadsheet' },
  odp: { zip: true, contentType: 'application/vnd.oasis.opendocument.presentation' },
  doc: { zip: false, contentType: 'application/msword' },
  xls: { zip: false, contentType: 'application/vnd.ms-excel' },
  ppt: { zip: false, contentType: 'application/vnd.ms-powerpoint' },
};
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Decides what a file is from its first bytes, never from its name alone. Office files are a
 * zip or OLE container, so for them the extension says which converter filter applies.
 */
export function sniff(head: Buffer, filename: string): SniffedKind {
  // PDF readers accept the header within the first 1 KB, but a clean upload starts with it.
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { kind: 'pdf' };
  const ext = path.extname(filename).slice(1).toLowerCase();
  const office = OFFICE[ext];
  if (office && head.subarray(0, office.zip ? 4 : 8).equals(office.zip ? ZIP : OLE)) return { kind: 'office', ext, contentType: office.contentType };
  throw new AppError('FILE_TYPE_NOT_ALLOWED');
}
