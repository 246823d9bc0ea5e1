import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { GridFSBucket, ObjectId } from 'mongodb';
import { docNames, type Minutes, type MinutesVersion, type ResultPackage } from '@e-cabinet/protocol';
import { collections, type Collections, type MeetingDoc, type MinutesFileDoc, type MinutesSignatureDoc, type MinutesVersionDoc, type UserDoc } from '../db/collections.ts';
import { AppError, isDuplicateKey } from '../http/app-error.ts';
import { renderConclusionNoticePdf, renderMinutesPdf } from '../minutes/pdf/index.ts';
import { ensureSigningIdentity, signPdf, type SigningIdentity } from '../signing/index.ts';
import { packageId } from '../delivery/package.ts';
import type { MeetingAccess } from '../meetings/meetings-service.ts';
import { contentHash, readDraft, snapshot } from './snapshot.ts';
import { minutesData, noticeData, noticeSubject } from './documents.ts';
import { DocumentRegister } from './register.ts';

const APPROVABLE: readonly MeetingDoc['status'][] = ['live', 'ended'];
export type MinutesFileKind = 'minutes' | 'notice';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Conclusions and minutes of meetings (`app.conclusions`): approving the collaborative draft into
 * numbered versions, generating their PDFs in the background, signing them, and the result
 * package a closed meeting sends. Every step persists its state, so `start` can finish whatever
 * a restart interrupted: versions still `generating` are generated again, a signing claimed but
 * not recorded is recorded, and a closed meeting without its package gets it.
 */
export class ConclusionsService {
  readonly bucket: GridFSBucket;
  private readonly c: Collections;
  private readonly register: DocumentRegister;
  private queue: Promise<void> = Promise.resolve();
  private identity: Promise<SigningIdentity> | null = null;
  /** Settles once the start-up pass (`begin`) is over. */
  recovered: Promise<void> = Promise.resolve();

  constructor(private readonly app: FastifyInstance) {
    this.c = collections(app.db);
    this.register = new DocumentRegister(this.c.registerNumbers);
    this.bucket = new GridFSBucket(app.db, { bucketName: 'minutes' });
  }

  // ---- Reading ---------------------------------------------------------------------------------

  private async draft(meeting: MeetingDoc) {
    const doc = await this.app.collab.read(docNames.minutes(meeting._id.toHexString()));
    try {
      return await snapshot(this.c, meeting, readDraft(doc));
    } finally {
      doc.destroy();
    }
  }

  private latest(meetingId: ObjectId): Promise<MinutesVersionDoc | null> {
    return this.c.minutesVersions.findOne({ meetingId }, { sort: { version: -1 } });
  }

  async view(access: MeetingAccess): Promise<Minutes> {
    const { meeting, role } = access;
    const [content, versions] = await Promise.all([this.draft(meeting), this.c.minutesVersions.find({ meetingId: meeting._id }, { sort: { version: -1 } }).toArray()]);
    const latest = versions[0] ?? null;
    const hasText = content.closingNote !== '' || content.items.some((i) => i.opinions || i.conclusion);
    const chair = role === 'chair';
    return {
      meetingId: meeting._id.toHexString(),
      status: meeting.status,
      canEdit: (role === 'chair' || role === 'secretary') && meeting.status !== 'closed',
      canApprove: chair && APPROVABLE.includes(meeting.status),
      canSign: chair && latest?.status === 'ready' && meeting.status !== 'closed',
      draft: {
        items: content.items.map((i) => ({ itemId: i.itemId, title: i.title, ...(i.presenter ? { presenter: i.presenter } : {}), opinions: i.opinions, conclusion: i.conclusion, polls: i.polls })),
        closingNote: content.closingNote,
        changedSinceApproval: latest ? latest.contentSha256 !== contentHash(content) : hasText,
      },
      versions: versions.map(toVersion),
    };
  }

  // ---- Approving and generating -----------------------------------------------------------------

  /**
   * Freezes the draft, the closed polls and the attendance as the next version. The version
   * number is claimed by the unique (meetingId, version) index, so of two racing approvals one
   * takes N+1 and the other sees it (and is refused if it carries the same content).
   */
  async approve(access: MeetingAccess, user: UserDoc): Promise<MinutesVersion> {
    const { meeting, role } = access;
    if (role !== 'chair') throw new AppError('FORBIDDEN');
    if (!APPROVABLE.includes(meeting.status)) throw new AppError('MINUTES_NOT_OPEN');
    const content = await this.draft(meeting);
    const hash = contentHash(content);
    for (let attempt = 0; attempt < 5; attempt++) {
      const latest = await this.latest(meeting._id);
      if (latest && latest.contentSha256 === hash && latest.status !== 'failed') throw new AppError('MINUTES_UNCHANGED');
      const doc: MinutesVersionDoc = {
        _id: new ObjectId(),
        meetingId: meeting._id,
        version: (latest?.version ?? 0) + 1,
        approvedAt: new Date(),
        approvedBy: user._id,
        approvedByName: user.fullName,
        content,
        contentSha256: hash,
        status: 'generating',
        error: null,
        minutesPdf: null,
        noticePdf: null,
        signature: null,
      };
      try {
        await this.c.minutesVersions.insertOne(doc);
      } catch (err) {
        if (isDuplicateKey(err)) continue;
        throw err;
      }
      await this.app.audit.append({ actorId: user._id.toHexString(), action: 'minutes.approved', target: meeting._id.toHexString(), data: { version: doc.version, contentSha256: hash } });
      this.enqueue(doc._id);
      return toVersion(doc);
    }
    throw new AppError('CONFLICT');
  }

  private enqueue(versionId: ObjectId): void {
    this.queue = this.queue.then(() =>
      this.generate(versionId).catch((err: unknown) => this.app.log.error({ err, versionId: versionId.toHexString() }, 'minutes: generation failed')),
    );
  }

  /** Resolves once no generation is queued or running. */
  async idle(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.queue;
      await seen;
    } while (seen !== this.queue);
  }

  /** Renders and stores both PDFs of a version; on failure the version says `failed` and why. */
  private async generate(versionId: ObjectId): Promise<void> {
    const found = await this.c.minutesVersions.findOne({ _id: versionId });
    if (found?.status !== 'generating') return;
    const meeting = await this.c.meetings.findOne({ _id: found.meetingId });
    if (!meeting) return;
    let v = found;
    try {
      // Numbered once, from the register, before the first rendering: later renderings (after a
      // crash) print the same numbers.
      if (!v.numbers) {
        const target = `minutesVersion:${v._id.toHexString()}`;
        const numbers = { minutes: await this.register.claim('BB', target, v.approvedAt), notice: await this.register.claim('TB', target, v.approvedAt) };
        await this.c.minutesVersions.updateOne({ _id: v._id }, { $set: { numbers } });
        v = { ...v, numbers };
      }
      const org = this.app.config;
      const [minutes, notice] = [await renderMinutesPdf(minutesData(org, meeting, v)), await renderConclusionNoticePdf(noticeData(org, meeting, v, await this.unitsConcerned(meeting._id)))];
      const id = meeting._id.toHexString();
      const minutesPdf = await this.storeFile(`bien-ban-${id}-v${v.version}.pdf`, minutes);
      const noticePdf = await this.storeFile(`thong-bao-ket-luan-${id}-v${v.version}.pdf`, notice);
      await this.c.minutesVersions.updateOne({ _id: v._id, status: 'generating' }, { $set: { status: 'ready', minutesPdf, noticePdf, error: null } });
    } catch (err) {
      this.app.log.error({ err, meetingId: v.meetingId.toHexString(), version: v.version }, 'minutes: could not generate the PDFs');
      await this.c.minutesVersions.updateOne({ _id: v._id, status: 'generating' }, { $set: { status: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : String(err) } });
    }
  }

  /** Names of the units given tasks from the meeting: the notice's "Nơi nhận". */
  private async unitsConcerned(meetingId: ObjectId): Promise<string[]> {
    const unitIds = await this.c.tasks.distinct('assigneeUnitId', { meetingId, status: { $ne: 'cancelled' } });
    const units = await this.c.units.find({ _id: { $in: unitIds } }, { projection: { name: 1 } }).toArray();
    return units.map((u) => u.name).sort((a, b) => a.localeCompare(b, 'vi'));
  }

  private async storeFile(filename: string, bytes: Uint8Array): Promise<MinutesFileDoc> {
    const upload = this.bucket.openUploadStream(filename, { metadata: { sha256: sha256(bytes), contentType: 'application/pdf' } });
    await pipeline(Readable.from([Buffer.from(bytes)]), upload);
    return { fileId: upload.id as ObjectId, sha256: sha256(bytes), size: bytes.length };
  }

  async readFile(file: MinutesFileDoc): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.bucket.openDownloadStream(file.fileId) as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  /** The file to serve: the signed one once signed, else the unsigned one. */
  async file(access: MeetingAccess, version: number, kind: MinutesFileKind): Promise<{ file: MinutesFileDoc; filename: string }> {
    const v = await this.c.minutesVersions.findOne({ meetingId: access.meeting._id, version });
    if (!v) throw new AppError('NOT_FOUND');
    const file = v.signature ? v.signature[kind] : kind === 'minutes' ? v.minutesPdf : v.noticePdf;
    if (!file) throw new AppError('MINUTES_NOT_READY');
    const base = kind === 'minutes' ? 'bien-ban' : 'thong-bao-ket-luan';
    return { file, filename: `${base}-v${version}${v.signature ? '-da-ky' : ''}.pdf` };
  }

  // ---- Signing ---------------------------------------------------------------------------------

  private signingIdentity(): Promise<SigningIdentity> {
    this.identity ??= ensureSigningIdentity(this.app.config, this.app.config.dataDir, { info: (m) => this.app.log.info(m), warn: (m) => this.app.log.warn(m) }).catch((err: unknown) => {
      this.identity = null;
      throw err;
    });
    return this.identity;
  }

  /**
   * Signs both PDFs of the latest ready version with the organisation's certificate. The claim
   * `<meetingId>:<version>` in `minutesSignatures` (unique `_id`) makes one signing win a race;
   * the loser's files are removed and it is refused.
   */
  async sign(access: MeetingAccess, user: UserDoc, version: number): Promise<MinutesVersion> {
    const { meeting, role } = access;
    if (role !== 'chair') throw new AppError('FORBIDDEN');
    const v = await this.c.minutesVersions.findOne({ meetingId: meeting._id, version });
    if (!v) throw new AppError('NOT_FOUND');
    if (v.status === 'signed') throw new AppError('MINUTES_ALREADY_SIGNED');
    if (v.status !== 'ready' || !v.minutesPdf || !v.noticePdf) throw new AppError('MINUTES_NOT_READY');
    if ((await this.latest(meeting._id))?.version !== version) throw new AppError('MINUTES_NOT_LATEST');
    if (meeting.status === 'closed') throw new AppError('MEETING_NOT_EDITABLE');

    const identity = await this.signingIdentity();
    const signedAt = new Date();
    const org = this.app.config;
    const opts = (what: string) => ({ reason: `${what} - ${meeting.title}`, name: v.content.chair?.name ?? user.fullName, location: org.orgPlace, contactInfo: org.orgName, signedAt });
    const minutes = await signPdf(await this.readFile(v.minutesPdf), identity, opts('Ky bien ban cuoc hop'));
    const notice = await signPdf(await this.readFile(v.noticePdf), identity, opts('Ky thong bao ket luan'));
    const id = meeting._id.toHexString();
    const signature: MinutesSignatureDoc = {
      signedAt,
      signer: minutes.signer,
      signedBy: user._id,
      signedByName: user.fullName,
      minutes: await this.storeFile(`bien-ban-${id}-v${version}-da-ky.pdf`, minutes.signed),
      notice: await this.storeFile(`thong-bao-ket-luan-${id}-v${version}-da-ky.pdf`, notice.signed),
    };
    try {
      await this.c.minutesSignatures.insertOne({ _id: `${id}:${version}`, meetingId: meeting._id, version, signature });
    } catch (err) {
      await Promise.all([this.bucket.delete(signature.minutes.fileId), this.bucket.delete(signature.notice.fileId)]).catch(() => {});
      if (isDuplicateKey(err)) throw new AppError('MINUTES_ALREADY_SIGNED');
      throw err;
    }
    await this.c.minutesVersions.updateOne({ _id: v._id }, { $set: { status: 'signed', signature } });
    await this.app.audit.append({
      actorId: user._id.toHexString(),
      action: 'minutes.signed',
      target: id,
      data: { version, signedAt: signedAt.toISOString(), certificate: signature.signer, minutesSha256: signature.minutes.sha256, noticeSha256: signature.notice.sha256 },
    });
    return toVersion({ ...v, status: 'signed', signature });
  }

  // ---- Closing -----------------------------------------------------------------------------------

  /** A meeting closes only once the latest conclusions version is signed. */
  async assertCloseable(meetingId: ObjectId): Promise<void> {
    if ((await this.latest(meetingId))?.status !== 'signed') throw new AppError('MINUTES_NOT_SIGNED');
  }

  /**
   * Builds and submits the result package of a closed meeting from its latest signed version.
   * Idempotent: a package already stored for that version is left as it is (the delivery
   * service finishes its dispatch), so a retry or a start-up pass never sends another one.
   */
  async submitResult(meetingId: ObjectId, actorId: string | null): Promise<void> {
    const meeting = await this.c.meetings.findOne({ _id: meetingId });
    if (meeting?.status !== 'closed') return;
    const v = await this.c.minutesVersions.findOne({ meetingId, status: 'signed' }, { sort: { version: -1 } });
    if (!v?.signature) return;
    const id = meetingId.toHexString();
    if (await this.c.resultPackages.findOne({ _id: packageId(id, v.version) }, { projection: { _id: 1 } })) return;
    const pkg = await this.buildPackage(meeting, v, v.signature);
    await this.app.delivery.submit(pkg, { actorId });
    await this.app.audit.append({ actorId, action: 'minutes.result_submitted', target: id, data: { version: v.version } });
  }

  private async buildPackage(meeting: MeetingDoc, v: MinutesVersionDoc, s: MinutesSignatureDoc): Promise<ResultPackage> {
    const c = v.content;
    const org = this.app.config;
    const { sender, receivers } = this.app.delivery.addressing();
    const minutes = await this.app.delivery.storeAttachment(`bien-ban-cuoc-hop-v${v.version}.pdf`, await this.readFile(s.minutes), 'Biên bản cuộc họp (đã ký số)');
    const notice = await this.app.delivery.storeAttachment(`thong-bao-ket-luan-v${v.version}.pdf`, await this.readFile(s.notice), 'Thông báo kết luận (đã ký số)');
    const tasks = await this.c.tasks.find({ meetingId: meeting._id, status: { $ne: 'cancelled' } }, { sort: { createdAt: 1 } }).toArray();
    const units = new Map((await this.c.units.find({ _id: { $in: tasks.map((t) => t.assigneeUnitId) } }).toArray()).map((u) => [u._id.toHexString(), u]));
    const userIds = tasks.flatMap((t) => (t.assigneeUserId ? [t.assigneeUserId] : []));
    const users = new Map((await this.c.users.find({ _id: { $in: userIds } }, { projection: { fullName: 1 } }).toArray()).map((u) => [u._id.toHexString(), u.fullName]));
    return {
      meetingId: meeting._id.toHexString(),
      meetingVersion: v.version,
      title: meeting.title,
      // Without ORG_CODE (no EDXML) the abbreviation stands in for the sender's code.
      sender: { code: sender.code || asciiCode(org.orgAbbreviation), name: sender.name },
      receivers,
      // The notice's register number; a version from before numbering has its version number.
      documentNumber: v.numbers?.notice ?? String(v.version),
      documentNotation: `TB-${org.orgAbbreviation}`,
      documentType: 'Thông báo',
      subject: noticeSubject(meeting, v),
      promulgationPlace: org.orgPlace,
      promulgationDate: s.signedAt.toISOString(),
      signer: { name: c.chair?.name ?? s.signedByName, title: c.chair?.title || 'Chủ trì', competence: '' },
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      place: meeting.place,
      attendance: {
        expected: c.present.length + c.absent.length,
        present: c.present.length,
        absent: c.absent.length,
        excused: c.absent.filter((a) => a.excused).length,
        proxies: c.proxies.length,
      },
      conclusions: c.items.map((i) => ({ itemId: i.itemId, title: i.title, conclusion: i.conclusion })),
      votes: c.items.flatMap((i) => i.polls.map((p) => ({ itemId: i.itemId, question: p.question, inFavour: p.inFavour, against: p.against, notVoting: p.notVoting, passed: p.passed, outcome: p.outcome }))),
      tasks: tasks.flatMap((t) => {
        const unit = units.get(t.assigneeUnitId.toHexString());
        if (!unit) return [];
        const name = t.assigneeUserId ? users.get(t.assigneeUserId.toHexString()) : undefined;
        return [
          {
            description: t.description,
            unitCode: unit.code,
            unitName: unit.name,
            assignee: t.assigneeUserId && name ? { userId: t.assigneeUserId.toHexString(), name } : null,
            deadline: t.deadline.toISOString(),
            priority: t.priority,
          },
        ];
      }),
      attachments: [minutes, notice],
    };
  }

  // ---- Start-up ----------------------------------------------------------------------------------

  /** Runs the start-up pass in the background: the app does not wait on rendering or on submitting. */
  begin(): void {
    this.recovered = this.start().catch((err: unknown) => this.app.log.error({ err }, 'minutes: start-up recovery failed'));
  }

  /** Finishes what a restart interrupted (see the class comment). */
  private async start(): Promise<void> {
    for (const v of await this.c.minutesVersions.find({ status: 'generating' }, { projection: { _id: 1 } }).toArray()) this.enqueue(v._id);
    for (const claim of await this.c.minutesSignatures.find({}).toArray()) {
      await this.c.minutesVersions.updateOne({ meetingId: claim.meetingId, version: claim.version, status: 'ready' }, { $set: { status: 'signed', signature: claim.signature } });
    }
    const signedMeetings = await this.c.minutesVersions.distinct('meetingId', { status: 'signed' });
    const closed = await this.c.meetings.find({ _id: { $in: signedMeetings }, status: 'closed' }, { projection: { _id: 1 } }).toArray();
    for (const m of closed) {
      await this.submitResult(m._id, null).catch((err: unknown) => this.app.log.warn({ err, meetingId: m._id.toHexString() }, 'minutes: could not submit a result package at start-up'));
    }
  }
}

function asciiCode(abbreviation: string): string {
  const code = abbreviation.replace(/Đ/g, 'D').normalize('NFD').replace(/[^A-Za-z0-9._-]/g, '');
  return /^[A-Za-z0-9]/.test(code) ? code : 'ECABINET';
}

const file = (f: MinutesFileDoc | null) => (f ? { sha256: f.sha256, size: f.size } : null);

export function toVersion(v: MinutesVersionDoc): MinutesVersion {
  const s = v.signature;
  return {
    version: v.version,
    approvedAt: v.approvedAt.toISOString(),
    approvedBy: { id: v.approvedBy.toHexString(), name: v.approvedByName },
    contentSha256: v.contentSha256,
    minutesPdf: file(v.minutesPdf),
    noticePdf: file(v.noticePdf),
    signature: s
      ? { signedAt: s.signedAt.toISOString(), signer: s.signer, signedBy: { id: s.signedBy.toHexString(), name: s.signedByName }, minutesSha256: s.minutes.sha256, noticeSha256: s.notice.sha256 }
      : null,
    status: v.status,
    items: v.content.items.map((i) => ({ itemId: i.itemId, title: i.title, conclusion: i.conclusion })),
  };
}
