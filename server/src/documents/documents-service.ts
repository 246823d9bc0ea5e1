import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { GridFSBucket, ObjectId, type Db } from 'mongodb';
import type { DocumentVersion, MeetingDocument, MeetingRole, ReadReport, UpdateDocument } from '@e-cabinet/protocol';
import type { Collections, DocumentDoc, DocumentVersionDoc, MeetingDoc, UserDoc } from '../db/collections.ts';
import { AppError, isDuplicateKey } from '../http/app-error.ts';
import { clean } from '../http/text.ts';
import { isOrganiser } from '../meetings/participants.ts';
import type { MeetingsService } from '../meetings/meetings-service.ts';
import { convertToPdf } from './office-convert.ts';
import { inspectPdf, rewriteForFastOpen } from './pdf-tools.ts';
import { receiveToFile, sha256File, sniff } from './receive-upload.ts';

export interface DocumentAccess {
  doc: DocumentDoc;
  meeting: MeetingDoc;
  role: MeetingRole;
}

export function toVersion(v: DocumentVersionDoc): DocumentVersion {
  return {
    id: v._id.toHexString(),
    version: v.version,
    filename: v.filename,
    originalType: v.originalType,
    originalSize: v.originalSize,
    originalSha256: v.originalSha256,
    pdfSize: v.pdfSize,
    pdfSha256: v.pdfSha256,
    pageCount: v.pageCount,
    uploadedBy: v.uploadedBy.toHexString(),
    uploadedAt: v.uploadedAt.toISOString(),
  };
}

/** A document is readable by organisers, by everyone when open to all, else by those listed. */
export function canRead(doc: Pick<DocumentDoc, 'access' | 'allowedUserIds'>, role: MeetingRole, user: { _id: ObjectId }): boolean {
  return doc.access === 'all' || isOrganiser(role) || doc.allowedUserIds.some((id) => id.equals(user._id));
}

/** Whether readers may take copies away; documents stored before the flag follow confidentiality. */
export function allowsDownload(doc: Pick<DocumentDoc, 'allowDownload' | 'confidential'>): boolean {
  return doc.allowDownload ?? !doc.confidential;
}

function safeFilename(name: string): string {
  const base = path.basename(name.normalize('NFC').replace(/\\/g, '/')).replace(/\p{Cc}/gu, '').trim();
  return base.slice(0, 200) || 'document';
}

export class DocumentsService {
  readonly bucket: GridFSBucket;

  constructor(
    db: Db,
    private readonly c: Collections,
    private readonly meetings: MeetingsService,
    private readonly opts: { uploadLimitBytes: number; sofficePath: string },
  ) {
    this.bucket = new GridFSBucket(db, { bucketName: 'files' });
  }

  /**
   * Takes an upload from the request stream to stored, validated versions: to a temp file
   * (hashed, size-limited), sniffed, converted to PDF when it is an office file, checked,
   * rewritten for fast opening, then both the original and the reading PDF go to GridFS.
   * Any failure removes whatever was stored, so a rejected upload leaves nothing behind.
   */
  async ingest(opts: { meeting: MeetingDoc; itemId: ObjectId; filename: string; title?: string; body: Readable; uploader: UserDoc; replace?: DocumentDoc }) {
    const filename = safeFilename(opts.filename);
    const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ecab-upload-'));
    const stored: ObjectId[] = [];
    try {
      const received = await receiveToFile(opts.body, work, this.opts.uploadLimitBytes);
      const kind = sniff(received.head, filename);
      const pdfSource = kind.kind === 'pdf' ? received.path : await convertToPdf(this.opts.sofficePath, received.path, kind.ext, work);
      const { pageCount } = await inspectPdf(pdfSource);
      const fast = path.join(work, 'reading.pdf');
      await rewriteForFastOpen(pdfSource, fast);
      const fastInfo = await sha256File(fast);

      const originalType = kind.kind === 'pdf' ? 'application/pdf' : kind.contentType;
      const originalFileId = await this.store(received.path, filename, { role: 'original', contentType: originalType, sha256: received.sha256 }, stored);
      const pdfName = kind.kind === 'pdf' ? filename : `${filename.replace(/\.[^.]+$/, '')}.pdf`;
      const pdfFileId = await this.store(fast, pdfName, { role: 'reading', contentType: 'application/pdf', sha256: fastInfo.sha256 }, stored);

      const now = new Date();
      const documentId = opts.replace?._id ?? new ObjectId();
      const versionDoc = await this.insertVersion({
        documentId,
        meetingId: opts.meeting._id,
        filename,
        originalType,
        originalFileId,
        originalSize: received.size,
        originalSha256: received.sha256,
        pdfFileId,
        pdfSize: fastInfo.size,
        pdfSha256: fastInfo.sha256,
        pageCount,
        uploadedBy: opts.uploader._id,
        uploadedAt: now,
      });
      try {
        if (opts.replace) {
          await this.pointAtLatest(documentId);
        } else {
          await this.c.documents.insertOne({
            _id: documentId,
            meetingId: opts.meeting._id,
            itemId: opts.itemId,
            title: clean(opts.title ?? filename.replace(/\.[^.]+$/, '')) || filename,
            access: 'all',
            allowedUserIds: [],
            confidential: false,
            allowDownload: true,
            currentVersionId: versionDoc._id,
            currentVersion: 1,
            versionCount: 1,
            createdBy: opts.uploader._id,
            createdAt: now,
            updatedAt: now,
          });
        }
      } catch (err) {
        await this.c.documentVersions.deleteOne({ _id: versionDoc._id });
        throw err;
      }
      stored.length = 0;
      const doc = await this.c.documents.findOne({ _id: documentId });
      return { doc: doc!, version: versionDoc };
    } finally {
      await Promise.all(stored.map((id) => this.bucket.delete(id).catch(() => {})));
      await fs.promises.rm(work, { recursive: true, force: true });
    }
  }

  /**
   * Numbers a new version as one past the highest; the unique index on (document, version)
   * decides between racing uploads, and the loser takes the next number.
   */
  private async insertVersion(fields: Omit<DocumentVersionDoc, '_id' | 'version'>): Promise<DocumentVersionDoc> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const last = await this.c.documentVersions.find({ documentId: fields.documentId }, { sort: { version: -1 }, limit: 1, projection: { version: 1 } }).next();
      const doc: DocumentVersionDoc = { _id: new ObjectId(), version: (last?.version ?? 0) + 1, ...fields };
      try {
        await this.c.documentVersions.insertOne(doc);
        return doc;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    throw new AppError('CONFLICT');
  }

  /** Points the document at its highest version; running it again converges on the same answer. */
  private async pointAtLatest(documentId: ObjectId): Promise<void> {
    const latest = await this.c.documentVersions.find({ documentId }, { sort: { version: -1 }, limit: 1 }).next();
    if (!latest) return;
    await this.c.documents.updateOne({ _id: documentId }, { $set: { currentVersionId: latest._id, currentVersion: latest.version, versionCount: latest.version, updatedAt: new Date() } });
  }

  private async store(file: string, filename: string, metadata: Record<string, unknown>, stored: ObjectId[]): Promise<ObjectId> {
    const upload = this.bucket.openUploadStream(filename, { metadata });
    stored.push(upload.id as ObjectId);
    await pipeline(fs.createReadStream(file), upload);
    return upload.id as ObjectId;
  }

  /** The document if the user may read it; NOT_FOUND otherwise, as if it did not exist. */
  async access(id: ObjectId, user: UserDoc): Promise<DocumentAccess> {
    const doc = await this.c.documents.findOne({ _id: id });
    if (!doc) throw new AppError('NOT_FOUND');
    const { meeting, role } = await this.meetings.access(doc.meetingId, user);
    if (!canRead(doc, role, user)) throw new AppError('NOT_FOUND');
    return { doc, meeting, role };
  }

  async version(doc: DocumentDoc, versionNumber?: number): Promise<DocumentVersionDoc> {
    const v = versionNumber ? await this.c.documentVersions.findOne({ documentId: doc._id, version: versionNumber }) : await this.c.documentVersions.findOne({ _id: doc.currentVersionId });
    if (!v) throw new AppError('NOT_FOUND');
    return v;
  }

  async versions(doc: DocumentDoc): Promise<DocumentVersion[]> {
    return (await this.c.documentVersions.find({ documentId: doc._id }, { sort: { version: -1 } }).toArray()).map(toVersion);
  }

  /** The meeting's documents the user may read, optionally only one item's or one document. */
  async list(meeting: MeetingDoc, role: MeetingRole, user: UserDoc, only: { itemId?: ObjectId; documentId?: ObjectId } = {}): Promise<MeetingDocument[]> {
    const filter = { meetingId: meeting._id, ...(only.itemId ? { itemId: only.itemId } : {}), ...(only.documentId ? { _id: only.documentId } : {}) };
    const docs = (await this.c.documents.find(filter, { sort: { createdAt: 1 } }).toArray()).filter((d) => canRead(d, role, user));
    const [versions, reads] = await Promise.all([
      this.c.documentVersions.find({ _id: { $in: docs.map((d) => d.currentVersionId) } }).toArray(),
      this.c.documentReads.find({ _id: { $in: docs.map((d) => `${d._id.toHexString()}:${user._id.toHexString()}`) } }).toArray(),
    ]);
    const byId = new Map(versions.map((v) => [v._id.toHexString(), v]));
    const readBy = new Map(reads.map((r) => [r.documentId.toHexString(), r]));
    return docs.flatMap((d) => {
      const current = byId.get(d.currentVersionId.toHexString());
      if (!current) return [];
      const read = readBy.get(d._id.toHexString());
      return [
        {
          id: d._id.toHexString(),
          meetingId: d.meetingId.toHexString(),
          itemId: d.itemId.toHexString(),
          title: d.title,
          access: d.access,
          allowedUserIds: isOrganiser(role) ? d.allowedUserIds.map((id) => id.toHexString()) : [],
          confidential: d.confidential,
          allowDownload: allowsDownload(d),
          current: toVersion(current),
          versionCount: d.versionCount,
          myLastOpenedAt: read?.lastOpenedAt.toISOString() ?? null,
          changedSinceRead: !!read && read.version < current.version,
          createdAt: d.createdAt.toISOString(),
          updatedAt: d.updatedAt.toISOString(),
        },
      ];
    });
  }

  async update(doc: DocumentDoc, meeting: MeetingDoc, input: UpdateDocument): Promise<void> {
    const set: Partial<DocumentDoc> = { updatedAt: new Date() };
    if (input.title !== undefined) set.title = clean(input.title);
    if (input.access !== undefined) set.access = input.access;
    if (input.confidential !== undefined) set.confidential = input.confidential;
    if (input.allowDownload !== undefined) set.allowDownload = input.allowDownload;
    // Becoming confidential closes downloads unless the same request says otherwise.
    else if (input.confidential === true && !doc.confidential) set.allowDownload = false;
    if (input.allowedUserIds !== undefined) {
      const users = await this.meetings.participantUsers(meeting);
      const allowed = new Set(users.map((u) => u.user._id.toHexString()));
      const bad = input.allowedUserIds.findIndex((id) => !allowed.has(id));
      if (bad >= 0) throw new AppError('PARTICIPANT_NOT_FOUND', { [`/allowedUserIds/${bad}`]: 'PARTICIPANT_NOT_FOUND' });
      set.allowedUserIds = [...new Set(input.allowedUserIds)].map((id) => new ObjectId(id));
    }
    await this.c.documents.updateOne({ _id: doc._id }, { $set: set });
  }

  /** Records that the user opened the current version. */
  async recordOpen(doc: DocumentDoc, user: UserDoc): Promise<void> {
    const now = new Date();
    await this.c.documentReads.updateOne(
      { _id: `${doc._id.toHexString()}:${user._id.toHexString()}` },
      { $set: { lastOpenedAt: now, version: doc.currentVersion }, $setOnInsert: { documentId: doc._id, meetingId: doc.meetingId, userId: user._id, firstOpenedAt: now } },
      { upsert: true },
    );
  }

  /** For the secretariat: per document, who opened it (and which version) and who has not. */
  async readReport(meeting: MeetingDoc): Promise<ReadReport> {
    const [docs, reads, people] = await Promise.all([
      this.c.documents.find({ meetingId: meeting._id }, { sort: { createdAt: 1 } }).toArray(),
      this.c.documentReads.find({ meetingId: meeting._id }).toArray(),
      this.meetings.participantUsers(meeting),
    ]);
    return {
      items: docs.map((d) => {
        const audience = people.filter(({ user, role }) => canRead(d, role, user));
        const mine = reads.filter((r) => r.documentId.equals(d._id));
        const opened = new Map(mine.map((r) => [r.userId.toHexString(), r]));
        return {
          documentId: d._id.toHexString(),
          title: d.title,
          version: d.currentVersion,
          readers: audience.flatMap(({ user }) => {
            const r = opened.get(user._id.toHexString());
            return r ? [{ userId: user._id.toHexString(), name: user.fullName, openedAt: r.lastOpenedAt.toISOString(), version: r.version }] : [];
          }),
          notOpened: audience.filter(({ user }) => !opened.has(user._id.toHexString())).map(({ user }) => ({ userId: user._id.toHexString(), name: user.fullName })),
        };
      }),
    };
  }
}
