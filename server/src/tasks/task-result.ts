import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { GridFSBucket, ObjectId } from 'mongodb';
import type { TaskResultDoc } from '../db/collections.ts';
import { inspectPdf } from '../documents/pdf-tools.ts';
import { receiveToFile, sniff } from '../documents/receive-upload.ts';

function safeFilename(name: string): string {
  const base = path.basename(name.normalize('NFC').replace(/\\/g, '/')).replace(/\p{Cc}/gu, '').trim();
  return base.slice(0, 200) || 'ket-qua';
}

/**
 * Takes a task's result file from the request stream into GridFS, checked the way meeting
 * documents are (the same receiving and sniffing code): a whole, unencrypted PDF, or a Word,
 * Excel or PowerPoint file by its magic bytes. Stored as uploaded, not converted. Nothing is
 * left behind when it is refused.
 */
export async function storeResultFile(bucket: GridFSBucket, body: Readable, filename: string, limit: number): Promise<Pick<TaskResultDoc, 'fileId' | 'filename' | 'contentType' | 'size' | 'sha256'>> {
  const name = safeFilename(filename);
  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ecab-task-result-'));
  try {
    const received = await receiveToFile(body, work, limit);
    const kind = sniff(received.head, name);
    if (kind.kind === 'pdf') await inspectPdf(received.path);
    const contentType = kind.kind === 'pdf' ? 'application/pdf' : kind.contentType;
    const upload = bucket.openUploadStream(name, { metadata: { contentType, sha256: received.sha256 } });
    try {
      await pipeline(fs.createReadStream(received.path), upload);
    } catch (err) {
      await bucket.delete(upload.id as ObjectId).catch(() => {});
      throw err;
    }
    return { fileId: upload.id as ObjectId, filename: name, contentType, size: received.size, sha256: received.sha256 };
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true });
  }
}
