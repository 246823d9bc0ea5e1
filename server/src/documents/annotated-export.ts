import type { FastifyInstance } from 'fastify';
import type { GridFSBucket, ObjectId } from 'mongodb';
import { listShapes, type Shape } from '@e-cabinet/annotations';
import { ANNOTATION_LAYERS, docNames, type AnnotationLayer, type DocName } from '@e-cabinet/protocol';
import { authorizeDoc } from '../collab/doc-policy.ts';
import type { UserDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';
import { burnInRunner } from './burn-in-runner.ts';
import { allowsDownload, type DocumentAccess } from './documents-service.ts';

/**
 * Largest reading PDF an annotated copy is made from. pdf-lib holds the parsed file and the
 * saved copy at once: a 51 MB, 300-page scan took 3.1 s and about 180 MB besides the file.
 */
export const MAX_EXPORT_PDF_BYTES = 120 * 1024 * 1024;

/**
 * Exports in this process: one at a time, in the burn-in worker (on two cores, a second would
 * take the core the server's own work needs, and hold its memory too); a few may wait their
 * turn, holding nothing large; past that, UNAVAILABLE.
 */
const RUNNING_LIMIT = 1;
const WAITING_LIMIT = 16;

class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) {
      this.running++;
    } else {
      if (this.waiting.length >= this.maxWaiting) throw new AppError('UNAVAILABLE');
      // Woken by a finishing job, which hands its slot over rather than releasing it.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

const gate = new Gate(RUNNING_LIMIT, WAITING_LIMIT);

/** `layers` of the query ("private,shared", either order, default both) as a set. */
export function parseLayers(value: string | undefined): ReadonlySet<AnnotationLayer> {
  if (value === undefined) return new Set(ANNOTATION_LAYERS);
  const out = new Set<AnnotationLayer>();
  for (const part of value.split(',')) {
    const layer = ANNOTATION_LAYERS.find((l) => l === part);
    if (!layer) throw new AppError('VALIDATION', { '/querystring/layers': 'VALIDATION' });
    out.add(layer);
  }
  return out;
}

/** "Nguyễn Văn An · Sở Tài chính · 14:30 12/05/2025", the time as read in Viet Nam. */
export function watermarkText(name: string, unitName: string | null, at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const time = `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
  return [name, unitName, time].filter((s): s is string => !!s && s.trim() !== '').map((s) => s.normalize('NFC')).join(' · ');
}

/** The attachment name: the title, marked as the annotated copy, safe as a file name. */
export function exportFilename(title: string): string {
  const base = title.normalize('NFC').replace(/[\p{Cc}/\\]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 200) || 'tai-lieu';
  return `${base} (ghi chú).pdf`;
}

async function readStored(bucket: GridFSBucket, fileId: ObjectId, size: number): Promise<Uint8Array> {
  // One array of the known size, filled chunk by chunk (no concatenated copy), with a buffer of
  // its own so it can be moved to the worker.
  const out = new Uint8Array(size);
  let at = 0;
  for await (const chunk of bucket.openDownloadStream(fileId) as AsyncIterable<Buffer>) {
    if (at + chunk.length > size) throw new Error(`stored file ${fileId.toHexString()} is longer than recorded`);
    out.set(chunk, at);
    at += chunk.length;
  }
  if (at !== size) throw new Error(`stored file ${fileId.toHexString()} is shorter than recorded`);
  return out;
}

async function layerShapes(app: FastifyInstance, name: DocName, user: UserDoc): Promise<Shape[]> {
  // Exactly what the collab endpoint would let this user open: the same policy, not a copy of it.
  const grant = await authorizeDoc(app, name, user);
  if (!grant.ok) throw new AppError('NOT_FOUND');
  const doc = await app.collab.read(docNames.format(name));
  try {
    return listShapes(doc);
  } finally {
    doc.destroy();
  }
}

export interface AnnotatedCopy {
  bytes: Uint8Array;
  filename: string;
  version: number;
  layers: AnnotationLayer[];
  watermarked: boolean;
}

/**
 * The caller's annotated copy of a document version they may read: the shared layer and/or
 * their own private layer burnt into the reading PDF, watermarked with their name, unit and
 * the time when the document is confidential. Refused when the document allows no download.
 */
export async function annotatedCopy(
  app: FastifyInstance,
  access: DocumentAccess,
  user: UserDoc,
  query: { layers?: string; version?: number },
): Promise<AnnotatedCopy> {
  const { doc } = access;
  const wanted = parseLayers(query.layers);
  const version = await app.documents.version(doc, query.version);
  if (!allowsDownload(doc)) throw new AppError('DOWNLOAD_DISABLED');
  if (version.pdfSize > MAX_EXPORT_PDF_BYTES) throw new AppError('EXPORT_TOO_LARGE');

  const meetingId = doc.meetingId.toHexString();
  const versionId = version._id.toHexString();
  // Shared marks first, the reader's own on top of them.
  const layers = (['shared', 'private'] as const).filter((l) => wanted.has(l));
  const names: DocName[] = layers.map((layer) =>
    layer === 'shared' ? { kind: 'ann', meetingId, versionId, layer } : { kind: 'ann', meetingId, versionId, layer, userId: user._id.toHexString() },
  );
  const unit = doc.confidential && user.unitId ? await app.units.get(user.unitId) : null;

  return gate.run(async () => {
    const shapes = await Promise.all(names.map((n) => layerShapes(app, n, user)));
    const pdf = await readStored(app.documents.bucket, version.pdfFileId, version.pdfSize);
    const watermark = doc.confidential ? watermarkText(user.fullName, unit?.name ?? null, new Date()) : null;
    const bytes = await burnInRunner.run(pdf, shapes, watermark);
    return { bytes, filename: exportFilename(doc.title), version: version.version, layers, watermarked: watermark !== null };
  });
}
