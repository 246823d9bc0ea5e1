import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ResultPackageDoc } from '../db/collections.ts';
import type { AttachmentFile } from './delivery-service.ts';

/**
 * A result package as an edXML message of QCVN 102:2016/BTTTT (the structure of the ministry's
 * SDK samples): `edXML` › `edXML:edXMLEnvelope` › `edXML:edXMLHeader` (`MessageHeader`,
 * `TraceHeaderList`) and `edXML:edXMLBody` (a manifest referencing each attachment by content id),
 * then `AttachmentEncoded` with the base64 files. The text is a pure function of the stored
 * package, so a re-delivery writes the same bytes.
 */

export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const TZ = 'Asia/Ho_Chi_Minh';

// Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/FFFF) are dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlEscape(value: string): string {
  return value
    .normalize('NFC')
    .replace(NOT_XML, '')
    .replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** Date parts in Vietnam's zone: the promulgation date is the date on the document there. */
function vnParts(date: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return { y: get('year'), m: get('month'), d: get('day'), hh: get('hour'), mm: get('minute'), ss: get('second') };
}
/** yyyy/MM/dd, the edXML date form. */
export function edxmlDate(date: Date): string {
  const p = vnParts(date);
  return `${p.y}/${p.m}/${p.d}`;
}
function edxmlTimestamp(date: Date): string {
  const p = vnParts(date);
  return `${p.y}/${p.m}/${p.d} ${p.hh}:${p.mm}:${p.ss}`;
}

type Node = string | { tag: string; attrs?: Record<string, string>; children: Node[] };
const el = (tag: string, ...children: Node[]): Node => ({ tag, children });
const ed = (name: string, ...children: Node[]): Node => el(`edXML:${name}`, ...children);

function render(node: Node, indent: string): string {
  if (typeof node === 'string') return xmlEscape(node);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([k, v]) => ` ${k}="${xmlEscape(v)}"`)
    .join('');
  if (node.children.length === 0) return `${indent}<${node.tag}${attrs}/>`;
  if (node.children.every((c) => typeof c === 'string')) return `${indent}<${node.tag}${attrs}>${node.children.map((c) => render(c, '')).join('')}</${node.tag}>`;
  return `${indent}<${node.tag}${attrs}>\n${node.children.map((c) => render(c, `${indent}  `)).join('\n')}\n${indent}</${node.tag}>`;
}

export function contentId(index: number, sha256: string): string {
  return `ecabinet-${index + 1}-${sha256.slice(0, 16)}`;
}

export function edxmlFileName(doc: ResultPackageDoc): string {
  return `ecabinet-${doc.meetingId.toHexString()}-v${doc.meetingVersion}.edxml`;
}

export function buildEdxml(doc: ResultPackageDoc, files: AttachmentFile[]): string {
  const p = doc.package;
  const promulgated = new Date(p.promulgationDate);
  const organ = (tag: 'From' | 'To', o: { code: string; name: string }) => ed(tag, ed('OrganId', o.code), ed('OrganName', o.name), ed('OrganizationInCharge', o.name));
  const content = p.conclusions.length ? p.conclusions.map((c, i) => `${i + 1}. ${c.title}${c.conclusion ? `: ${c.conclusion}` : ''}`).join('\n') : p.subject;
  const places = [...new Set([...p.receivers.map((r) => r.name), ...p.tasks.map((t) => t.unitName)])];
  const deadlines = p.tasks.map((t) => new Date(t.deadline).getTime());

  const header = ed(
    'MessageHeader',
    organ('From', p.sender),
    ...p.receivers.map((r) => organ('To', r)),
    ed('Code', ed('CodeNumber', p.documentNumber), ed('CodeNotation', p.documentNotation)),
    ed('PromulgationInfo', ed('Place', p.promulgationPlace), ed('PromulgationDate', edxmlDate(promulgated))),
    // Type 2: an administrative document (văn bản hành chính); the name says which kind.
    ed('DocumentType', ed('Type', '2'), ed('TypeName', p.documentType)),
    ed('Subject', p.subject),
    ed('Content', content),
    ed('SignerInfo', ed('Competence', p.signer.competence ?? ''), ed('Position', p.signer.title), ed('FullName', p.signer.name)),
    ...(deadlines.length ? [ed('DueDate', edxmlDate(new Date(Math.min(...deadlines))))] : []),
    ed('ToPlaces', ...places.map((name) => ed('Place', name))),
    ed('OtherInfo', ed('Priority', '0'), ed('PromulgationAmount', String(Math.max(1, p.receivers.length)))),
    ed('SteeringType', '0'),
    ed('DocumentId', `${p.sender.code},${edxmlDate(promulgated)},${p.documentNumber}/${p.documentNotation}`),
  );
  const trace = ed('TraceHeaderList', ed('TraceHeader', ed('OrganId', p.sender.code), ed('Timestamp', edxmlTimestamp(doc.submittedAt))));
  const manifest: Node = {
    tag: 'edXML:edXMLManifest',
    attrs: { version: '1.0' },
    children: files.map(({ ref }, i): Node => ({
      tag: 'edXML:Reference',
      attrs: { 'xlink:href': `cid:${contentId(i, ref.sha256)}`, 'xlink:type': 'simple' },
      children: [ed('ContentId', `cid:${contentId(i, ref.sha256)}`), ed('ContentType', ref.contentType), ed('Description', ref.description ?? ref.filename), ed('AttachmentName', ref.filename)],
    })),
  };
  const envelope: Node = {
    tag: 'edXML:edXMLEnvelope',
    attrs: { 'xmlns:edXML': EDXML_NS, 'xmlns:xlink': XLINK_NS },
    children: [ed('edXMLHeader', header, trace), ed('edXMLBody', manifest)],
  };
  const attachments = el(
    'AttachmentEncoded',
    ...files.map(({ ref, bytes }, i) =>
      el('Attachment', el('ContentType', ref.contentType), el('ContentId', contentId(i, ref.sha256)), el('Description', ref.description ?? ref.filename), el('ContentTransferEncoded', bytes.toString('base64')), el('AttachmentName', ref.filename)),
    ),
  );
  const root: Node = { tag: 'edXML', attrs: { xmlns: EDXML_NS }, children: [envelope, attachments] };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, '')}\n`;
}

/**
 * Writes the file so a reader of the folder never sees half of it: a temporary name in the same
 * folder, flushed, then renamed over the final name (a re-delivery replaces the same file).
 */
export async function writeAtomically(dir: string, name: string, data: Buffer): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const final = path.join(dir, name);
  const temp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'w', 0o640);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, final);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
  return final;
}
