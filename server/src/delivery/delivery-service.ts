import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { GridFSBucket, ObjectId } from 'mongodb';
import { compileValidator, ResultPackageSchema, type Delivery, type DeliveryConnector, type DeliveryStatus, type ResultAttachment, type ResultPackage, type ResultPackageSummary } from '@e-cabinet/protocol';
import { collections, type Collections, type OutboxDoc, type ResultPackageDoc } from '../db/collections.ts';
import { AppError, isDuplicateKey } from '../http/app-error.ts';
import { Outbox, PermanentDeliveryError } from '../distribution/outbox.ts';
import { contentSha256, idempotencyKey, normalisePackage, packageId } from './package.ts';
import { webhookRequest } from './webhook.ts';
import { buildEdxml, edxmlFileName, writeAtomically } from './edxml.ts';
import { postOnce } from './http-post.ts';
import { notifyUnits } from './notify-units.ts';

export interface AttachmentFile {
  ref: ResultAttachment;
  bytes: Buffer;
}

/** What the outbox message of a package delivery carries: the package is read at send time. */
interface DeliveryPayload {
  packageId: string;
  meetingId: string;
  meetingVersion: number;
  idempotencyKey: string;
}

const validatePackage = compileValidator(ResultPackageSchema);

const STATUS: Record<OutboxDoc['status'], DeliveryStatus> = { pending: 'pending', sending: 'pending', sent: 'delivered', failed: 'dead' };
const OUTBOX_STATUS: Record<DeliveryStatus, OutboxDoc['status'][]> = { pending: ['pending', 'sending'], delivered: ['sent'], dead: ['failed'] };

export function outboxKey(connector: DeliveryConnector, meetingId: string, version: number): string {
  return `${connector}:${meetingId}:${version}`;
}

/**
 * Result packages of closed meetings and their delivery to the document-management system.
 * `submit` stores a package once per meeting version and queues one durable outbox message per
 * configured connector; a worker per connector sends it (see `Outbox`: one worker process on
 * FerretDB) with retries, and dead-letters it after `deliveryMaxAttempts` failures.
 */
export class DeliveryService {
  readonly bucket: GridFSBucket;
  readonly connectors: DeliveryConnector[];
  private readonly c: Collections;
  private readonly outboxes = new Map<DeliveryConnector, Outbox>();

  constructor(private readonly app: FastifyInstance) {
    this.c = collections(app.db);
    this.bucket = new GridFSBucket(app.db, { bucketName: 'results' });
    const cfg = app.config;
    this.connectors = [...(cfg.webhookUrl ? (['webhook'] as const) : []), ...(cfg.edxmlDir || cfg.edxmlUrl ? (['edxml'] as const) : [])];
    // A worker per connector kind; only the configured ones start. Messages of a connector taken
    // out of the configuration stay queued for when it comes back.
    for (const connector of ['webhook', 'edxml'] as const) {
      this.outboxes.set(
        connector,
        new Outbox(this.c, (doc) => this.send(connector, doc), app.log, {
          kinds: [connector],
          maxAttempts: cfg.deliveryMaxAttempts,
          backoffMs: cfg.deliveryBackoffMs,
          jitter: true,
          lockMs: cfg.deliveryTimeoutMs + 60_000,
          onSettled: (doc, outcome, error) => this.settled(doc, outcome, error),
        }),
      );
    }
  }

  /** The organisation's own code and name and the configured receivers, for building a package. */
  addressing(): { sender: { code: string; name: string }; receivers: { code: string; name: string }[] } {
    return { sender: { code: this.app.config.orgCode ?? '', name: this.app.config.orgName }, receivers: this.app.config.deliveryReceivers };
  }

  /**
   * Stores a PDF for a package and returns its reference. The same bytes under the same name
   * are stored once, so a retried close does not pile up copies.
   */
  async storeAttachment(filename: string, bytes: Buffer, description?: string): Promise<ResultAttachment> {
    if (bytes.length === 0) throw new AppError('FILE_EMPTY');
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('FILE_TYPE_NOT_ALLOWED');
    // eslint-disable-next-line no-control-regex
    const name = filename.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim().slice(0, 200);
    if (!name) throw new AppError('VALIDATION', { '/filename': 'VALIDATION' });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = await this.app.db.collection('results.files').findOne({ 'metadata.sha256': sha256, filename: name }, { projection: { _id: 1 } });
    let fileId = existing?._id as ObjectId | undefined;
    if (!fileId) {
      const upload = this.bucket.openUploadStream(name, { metadata: { sha256, contentType: 'application/pdf' } });
      await pipeline(Readable.from([bytes]), upload);
      fileId = upload.id as ObjectId;
    }
    return { filename: name, contentType: 'application/pdf', sha256, fileId: fileId.toHexString(), ...(description ? { description: description.normalize('NFC') } : {}) };
  }

  /**
   * Stores the package of one meeting version and queues its delivery. The same content again
   * returns the stored package (`created: false`); other content for a stored version is refused
   * with RESULT_PACKAGE_CONFLICT, so a receiver never gets two different packages for it.
   */
  async submit(input: ResultPackage, opts: { actorId?: string | null } = {}): Promise<{ package: ResultPackageDoc; created: boolean }> {
    const checked = validatePackage(input);
    if (!checked.ok) throw new AppError('VALIDATION', checked.fields);
    const pkg = normalisePackage(checked.value);
    if (this.connectors.includes('edxml') && pkg.receivers.length === 0) throw new AppError('VALIDATION', { '/receivers': 'VALIDATION' });
    const meetingId = new ObjectId(pkg.meetingId);
    if (!(await this.c.meetings.findOne({ _id: meetingId }, { projection: { _id: 1 } }))) throw new AppError('NOT_FOUND');
    await this.checkAttachments(pkg.attachments);

    const doc: ResultPackageDoc = {
      _id: packageId(pkg.meetingId, pkg.meetingVersion),
      meetingId,
      meetingVersion: pkg.meetingVersion,
      package: pkg,
      contentSha256: contentSha256(pkg),
      idempotencyKey: idempotencyKey(pkg.meetingId, pkg.meetingVersion),
      connectors: this.connectors,
      submittedAt: new Date(),
      submittedBy: opts.actorId ?? null,
      enqueuedAt: null,
      notifiedAt: null,
    };
    let stored = doc;
    let created = true;
    try {
      await this.c.resultPackages.insertOne(doc);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await this.c.resultPackages.findOne({ _id: doc._id });
      if (!existing) throw err;
      if (existing.contentSha256 !== doc.contentSha256) throw new AppError('RESULT_PACKAGE_CONFLICT');
      stored = existing;
      created = false;
    }
    if (created) {
      await this.app.audit.append({ actorId: doc.submittedBy, action: 'delivery.submitted', target: pkg.meetingId, data: { packageId: doc._id, meetingVersion: doc.meetingVersion, connectors: doc.connectors, contentSha256: doc.contentSha256 } });
    }
    return { package: await this.dispatch(stored), created };
  }

  /** Queues the outbox messages and tells the units; each step is idempotent, so a rerun after a crash completes it. */
  private async dispatch(doc: ResultPackageDoc): Promise<ResultPackageDoc> {
    let current = doc;
    if (!current.enqueuedAt) {
      const meetingId = current.meetingId.toHexString();
      for (const connector of current.connectors) {
        const payload: DeliveryPayload = { packageId: current._id, meetingId, meetingVersion: current.meetingVersion, idempotencyKey: current.idempotencyKey };
        await this.outboxes.get(connector)!.enqueue(outboxKey(connector, meetingId, current.meetingVersion), connector, { ...payload });
      }
      current = { ...current, enqueuedAt: new Date() };
      await this.c.resultPackages.updateOne({ _id: current._id }, { $set: { enqueuedAt: current.enqueuedAt } });
    }
    for (const connector of current.connectors) if (this.connectors.includes(connector)) this.outboxes.get(connector)!.kick();
    if (!current.notifiedAt) {
      await notifyUnits(this.app, current);
      current = { ...current, notifiedAt: new Date() };
      await this.c.resultPackages.updateOne({ _id: current._id }, { $set: { notifiedAt: current.notifiedAt } });
    }
    return current;
  }

  /** Finishes packages a crash left half-dispatched, then starts the workers. */
  async start(): Promise<void> {
    const unfinished = await this.c.resultPackages.find({ $or: [{ enqueuedAt: null }, { notifiedAt: null }] }).toArray();
    for (const doc of unfinished) {
      await this.dispatch(doc).catch((err: unknown) => this.app.log.warn({ err, packageId: doc._id }, 'delivery: could not finish dispatching a package'));
    }
    for (const connector of this.connectors) this.outboxes.get(connector)!.start();
  }

  async stop(): Promise<void> {
    for (const outbox of this.outboxes.values()) outbox.stop();
    await Promise.all([...this.outboxes.values()].map((o) => o.idle()));
  }

  /** Resolves when no worker has a send in hand (tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.outboxes.values()].map((o) => o.idle()));
  }

  private async checkAttachments(refs: ResultAttachment[]): Promise<void> {
    const ids = refs.map((r) => new ObjectId(r.fileId));
    const files = await this.app.db.collection('results.files').find({ _id: { $in: ids } }, { projection: { metadata: 1 } }).toArray();
    const sha = new Map(files.map((f) => [(f._id as ObjectId).toHexString(), (f.metadata as { sha256?: string } | undefined)?.sha256]));
    const bad: Record<string, string> = {};
    refs.forEach((r, i) => {
      if (sha.get(r.fileId) !== r.sha256) bad[`/attachments/${i}/fileId`] = 'VALIDATION';
    });
    if (Object.keys(bad).length) throw new AppError('VALIDATION', bad);
  }

  /** The package's PDFs, checked against the hashes it promises. */
  async attachmentFiles(doc: ResultPackageDoc): Promise<AttachmentFile[]> {
    const out: AttachmentFile[] = [];
    for (const ref of doc.package.attachments) {
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of this.bucket.openDownloadStream(new ObjectId(ref.fileId)) as AsyncIterable<Buffer>) chunks.push(chunk);
      } catch (err) {
        if ((err as { code?: string }).code === 'ENOENT') throw new PermanentDeliveryError(`attachment ${ref.filename} is missing from storage`);
        throw err;
      }
      const bytes = Buffer.concat(chunks);
      if (createHash('sha256').update(bytes).digest('hex') !== ref.sha256) throw new PermanentDeliveryError(`attachment ${ref.filename} does not match its SHA-256`);
      out.push({ ref, bytes });
    }
    return out;
  }

  /** One attempt of one connector. Throws to retry; `PermanentDeliveryError` to give up at once. */
  private async send(connector: DeliveryConnector, msg: OutboxDoc): Promise<void> {
    const payload = msg.payload as unknown as DeliveryPayload;
    const doc = await this.c.resultPackages.findOne({ _id: payload.packageId });
    if (!doc) throw new PermanentDeliveryError(`package ${payload.packageId} no longer exists`);
    const files = await this.attachmentFiles(doc);
    const cfg = this.app.config;
    if (connector === 'webhook') {
      if (!cfg.webhookUrl || !cfg.webhookSecret) throw new Error('the webhook is not configured');
      const { body, headers } = webhookRequest(doc, files, cfg.webhookSecret, msg.attempts);
      await postOnce(cfg.webhookUrl, body, headers, cfg.deliveryTimeoutMs);
      return;
    }
    const xml = Buffer.from(buildEdxml(doc, files), 'utf8');
    if (cfg.edxmlDir) {
      await writeAtomically(cfg.edxmlDir, edxmlFileName(doc), xml);
    } else if (cfg.edxmlUrl) {
      await postOnce(cfg.edxmlUrl, xml, { 'content-type': 'application/xml; charset=utf-8', 'user-agent': 'E-Cabinet', 'idempotency-key': doc.idempotencyKey }, cfg.deliveryTimeoutMs);
    } else {
      throw new Error('the EDXML connector is not configured');
    }
  }

  private async settled(msg: OutboxDoc, outcome: 'sent' | 'failed', error: string | null): Promise<void> {
    const payload = msg.payload as unknown as DeliveryPayload;
    await this.app.audit.append({
      actorId: null,
      action: outcome === 'sent' ? 'delivery.delivered' : 'delivery.dead',
      target: payload.meetingId,
      data: { deliveryId: msg._id.toHexString(), connector: msg.kind, meetingVersion: payload.meetingVersion, attempts: msg.attempts, idempotencyKey: payload.idempotencyKey, ...(error ? { error } : {}) },
    });
  }

  toDelivery(msg: OutboxDoc, title: string): Delivery {
    const payload = msg.payload as unknown as DeliveryPayload;
    const status = STATUS[msg.status];
    return {
      id: msg._id.toHexString(),
      meetingId: payload.meetingId,
      meetingVersion: payload.meetingVersion,
      meetingTitle: title,
      connector: msg.kind as DeliveryConnector,
      status,
      attempts: msg.attempts,
      maxAttempts: this.app.config.deliveryMaxAttempts,
      lastError: msg.lastError,
      nextAttemptAt: status === 'pending' ? msg.nextAttemptAt.toISOString() : null,
      deliveredAt: msg.sentAt?.toISOString() ?? null,
      idempotencyKey: payload.idempotencyKey,
      createdAt: msg.createdAt.toISOString(),
    };
  }

  /** Every package of a meeting, newest version first, with each connector's delivery. */
  async forMeeting(meetingId: ObjectId): Promise<ResultPackageSummary[]> {
    const docs = await this.c.resultPackages.find({ meetingId }, { sort: { meetingVersion: -1 } }).toArray();
    const keys = docs.flatMap((d) => d.connectors.map((k) => outboxKey(k, meetingId.toHexString(), d.meetingVersion)));
    const msgs = await this.c.outbox.find({ key: { $in: keys } }).toArray();
    const byKey = new Map(msgs.map((m) => [m.key, m]));
    return docs.map((d) => ({
      id: d._id,
      meetingVersion: d.meetingVersion,
      documentNumber: d.package.documentNumber,
      documentNotation: d.package.documentNotation,
      subject: d.package.subject,
      attachments: d.package.attachments.map((a) => ({ filename: a.filename, sha256: a.sha256 })),
      idempotencyKey: d.idempotencyKey,
      submittedAt: d.submittedAt.toISOString(),
      deliveries: d.connectors.flatMap((k) => {
        const msg = byKey.get(outboxKey(k, meetingId.toHexString(), d.meetingVersion));
        return msg ? [this.toDelivery(msg, d.package.title)] : [];
      }),
    }));
  }

  /** Deliveries of every meeting, newest first, optionally of one status (the admin's dead letters). */
  async list(status?: DeliveryStatus): Promise<Delivery[]> {
    const filter = { kind: { $in: ['webhook', 'edxml'] as OutboxDoc['kind'][] }, ...(status ? { status: { $in: OUTBOX_STATUS[status] } } : {}) };
    const msgs = await this.c.outbox.find(filter, { sort: { createdAt: -1 }, limit: 500 }).toArray();
    const titles = await this.titles(msgs);
    return msgs.map((m) => this.toDelivery(m, titles.get((m.payload as unknown as DeliveryPayload).packageId) ?? ''));
  }

  private async titles(msgs: OutboxDoc[]): Promise<Map<string, string>> {
    const ids = [...new Set(msgs.map((m) => (m.payload as unknown as DeliveryPayload).packageId))];
    const docs = await this.c.resultPackages.find({ _id: { $in: ids } }, { projection: { 'package.title': 1 } }).toArray();
    return new Map(docs.map((d) => [d._id, d.package.title]));
  }

  /**
   * Sends a dead (or delivered) package again from a fresh attempt count. The message, and so
   * the idempotency key and body, are the stored ones: the receiver sees the same package.
   */
  async retry(id: ObjectId, actorId: string): Promise<Delivery> {
    const msg = await this.c.outbox.findOne({ _id: id, kind: { $in: ['webhook', 'edxml'] } });
    if (!msg) throw new AppError('NOT_FOUND');
    // A connector no longer configured cannot send; its messages wait for it to come back.
    if (!this.connectors.includes(msg.kind as DeliveryConnector)) throw new AppError('UNAVAILABLE');
    const requeued = await this.outboxes.get(msg.kind as DeliveryConnector)!.requeue(id, ['failed', 'sent']);
    if (!requeued) throw new AppError('DELIVERY_IN_PROGRESS');
    const payload = requeued.payload as unknown as DeliveryPayload;
    await this.app.audit.append({ actorId, action: 'delivery.retry', target: payload.meetingId, data: { deliveryId: id.toHexString(), connector: requeued.kind, meetingVersion: payload.meetingVersion, previousStatus: STATUS[msg.status], previousAttempts: msg.attempts } });
    return this.toDelivery(requeued, (await this.titles([requeued])).get(payload.packageId) ?? '');
  }
}
