import type { Config } from '../config.ts';
import type { MeetingDoc, MinutesPersonDoc, MinutesPollDoc, MinutesVersionDoc } from '../db/collections.ts';
import type { MinutesData, NoticeData, Opinion, Person, PollResult } from '../minutes/pdf/index.ts';

/*
 * Maps an approved version onto the inputs of the minutes and notice renderers. Only plain data
 * from the version itself and the meeting, so regenerating a version gives the same documents.
 */

type Org = Pick<Config, 'orgName' | 'orgParentName' | 'orgPlace' | 'orgAbbreviation'>;

const SPEAKER_LINE = /^([^:\n]{2,120}):\s*(\S[\s\S]*)$/u;

function toPerson(p: MinutesPersonDoc | null): Person {
  if (!p) return { name: '—' };
  return { name: p.name, ...(p.title ? { title: p.title } : {}), ...(p.unit ? { unit: p.unit } : {}) };
}

/**
 * Opinions are typed one paragraph a line; "Speaker: text" starts a speaker's opinion, and a line
 * without a speaker continues the previous one (or, first, is attributed to "Đại biểu").
 */
export function parseOpinions(text: string): Opinion[] {
  const out: Opinion[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = SPEAKER_LINE.exec(line);
    if (m) out.push({ speaker: { name: m[1]!.trim() }, text: m[2]!.trim() });
    else if (out.length) out[out.length - 1]!.text += `\n${line}`;
    else out.push({ speaker: { name: 'Đại biểu' }, text: line });
  }
  return out;
}

function pollResult(p: MinutesPollDoc): PollResult {
  return { question: p.question, inFavour: p.inFavour, against: p.against, notVoting: p.notVoting, base: p.base, passed: p.passed, outcomeReason: p.outcome };
}

function header(org: Org, code: string, date: Date, number: string | undefined) {
  return {
    issuer: { ...(org.orgParentName ? { parentName: org.orgParentName } : {}), name: org.orgName },
    // From the register (`register.ts`); a version made before numbering leaves it blank for the clerk.
    number: number ?? '',
    code: `${code}-${org.orgAbbreviation}`,
    place: org.orgPlace,
    date,
  };
}

export function minutesData(org: Org, meeting: MeetingDoc, v: MinutesVersionDoc): MinutesData {
  const c = v.content;
  return {
    header: header(org, 'BB', v.approvedAt, v.numbers?.minutes),
    meeting: { title: meeting.title, startedAt: meeting.startsAt, endedAt: meeting.endsAt, location: meeting.place || '—' },
    chair: toPerson(c.chair),
    secretary: toPerson(c.secretary),
    attendance: {
      present: c.present.map(toPerson),
      absent: c.absent.map((a) => ({ ...toPerson(a), excused: a.excused, ...(a.reason ? { reason: a.reason } : {}) })),
      proxies: c.proxies.map((p) => ({ from: toPerson(p.from), to: toPerson(p.to) })),
    },
    items: c.items.map((it) => ({
      title: it.title,
      ...(it.presenter ? { presenter: it.presenter } : {}),
      opinions: parseOpinions(it.opinions),
      polls: it.polls.map(pollResult),
      conclusion: it.conclusion,
    })),
    ...(c.closingNote ? { closingNote: c.closingNote } : {}),
  };
}

/** "Kết luận của Chủ tịch Nguyễn Văn A tại phiên họp …": the notice's trích yếu. */
export function noticeSubject(meeting: MeetingDoc, v: MinutesVersionDoc): string {
  const chair = v.content.chair;
  const who = chair ? `${chair.title || 'người chủ trì'} ${chair.name}` : 'người chủ trì';
  const title = meeting.title.trim();
  return `Kết luận của ${who} tại ${title.charAt(0).toLocaleLowerCase('vi')}${title.slice(1)}`;
}

export function noticeData(org: Org, meeting: MeetingDoc, v: MinutesVersionDoc, recipients: string[]): NoticeData {
  const c = v.content;
  return {
    header: header(org, 'TB', v.approvedAt, v.numbers?.notice),
    subject: noticeSubject(meeting, v),
    meeting: { title: meeting.title, startedAt: meeting.startsAt, location: meeting.place || '—', chair: toPerson(c.chair) },
    items: c.items.filter((it) => it.conclusion).map((it) => ({ title: it.title, conclusion: it.conclusion })),
    closing: `${org.orgName} thông báo để các cơ quan, đơn vị, cá nhân liên quan biết, thực hiện./.`,
    recipients: [...recipients, 'Các thành viên dự họp', 'Lưu: VT'],
    signer: { capacity: [(c.chair?.title || 'Chủ trì').toLocaleUpperCase('vi')], name: c.chair?.name ?? '—' },
  };
}
