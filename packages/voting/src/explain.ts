import type { ChoiceOutcome, MotionOutcome, OptionResult, Outcome } from './decide.ts';
import { requiredFraction } from './fraction.ts';
import type { Locale, MajorityBase, MajorityRule } from './types.ts';

/*
 * One sentence per outcome that states the result and the numbers behind it, for the live
 * result panel and the minutes. Council wording in Vietnamese: "quá nửa", "ít nhất hai phần ba",
 * "đại biểu tham gia biểu quyết", "Tán thành / Không tán thành / Không biểu quyết".
 */

interface Words {
  passed: string;
  failed: string;
  chosen: (list: string) => string;
  noResult: string;
  partly: (list: string) => string;
  and: string;
  votes: (n: number) => string;
  base: Record<MajorityBase, (n: number) => string>;
  requirement: (rule: MajorityRule) => string;
  atLeastVotes: (n: number) => string;
  motionCounts: (o: MotionOutcome) => string;
  noQuorum: (o: Outcome) => string;
  noVotes: string;
  motionTie: string;
  simpleRule: string;
  motionShare: (o: MotionOutcome, base: string) => string;
  plurality: (cast: number) => string;
  outOf: (base: string) => string;
  need: (requirement: string, threshold: string) => string;
  tied: (list: string, votes: string) => string;
  tiedForRest: (list: string, votes: string, places: number) => string;
  noneReached: (requirement: string, base: string, threshold: string, top: string) => string;
}

function fractionText(rule: MajorityRule, more: string, atLeast: string, half: string, twoThirds: string): string {
  if (rule.kind === 'absolute') return half;
  if (rule.kind === 'twoThirds') return twoThirds;
  const f = requiredFraction(rule);
  return f === null ? '' : `${f.atLeast ? atLeast : more} ${f.numerator}/${f.denominator}`;
}

const vi: Words = {
  passed: 'Thông qua',
  failed: 'Không thông qua',
  chosen: (list) => `Kết quả: chọn ${list}`,
  noResult: 'Không có kết quả',
  partly: (list) => `Chưa đủ kết quả: đã chọn ${list}`,
  and: 'và',
  votes: (n) => `${n} phiếu`,
  base: {
    cast: (n) => `${n} đại biểu tham gia biểu quyết`,
    present: (n) => `${n} đại biểu có mặt`,
    members: (n) => `tổng số ${n} đại biểu`,
  },
  requirement: (rule) => fractionText(rule, 'hơn', 'ít nhất', 'quá nửa', 'ít nhất hai phần ba'),
  atLeastVotes: (n) => `từ ${n} phiếu trở lên`,
  motionCounts: (o) => `${o.yes} tán thành, ${o.no} không tán thành, ${o.abstain} không biểu quyết`,
  noQuorum: (o) => `không đủ số đại biểu có mặt (${o.present}/${o.members}, cần ít nhất ${o.quorumNeeded})`,
  noVotes: 'không có phiếu biểu quyết nào',
  motionTie: 'số phiếu tán thành bằng số phiếu không tán thành',
  simpleRule: 'cần số phiếu tán thành nhiều hơn số phiếu không tán thành',
  motionShare: (o, base) => `${o.yes} phiếu tán thành trên ${base}`,
  plurality: (cast) => `nhiều phiếu nhất, trên ${cast} đại biểu tham gia biểu quyết`,
  outOf: (base) => `trên ${base}`,
  need: (req, t) => `cần ${req}, tức ${t}`,
  tied: (list, v) => `${list} bằng phiếu nhau (${v}); cần biểu quyết lại giữa các phương án này`,
  tiedForRest: (list, v, n) =>
    `${list} bằng phiếu nhau (${v}) cho ${n} vị trí còn lại; cần biểu quyết lại giữa các phương án này`,
  noneReached: (req, base, t, top) => `không phương án nào đạt ${req} trên ${base} (cần ${t}); cao nhất là ${top}`,
};

const en: Words = {
  passed: 'Passed',
  failed: 'Failed',
  chosen: (list) => `Chosen: ${list}`,
  noResult: 'No result',
  partly: (list) => `Partly decided: chosen ${list}`,
  and: 'and',
  votes: (n) => `${n} ${n === 1 ? 'vote' : 'votes'}`,
  base: {
    cast: (n) => `${n} voting ${n === 1 ? 'member' : 'members'}`,
    present: (n) => `${n} ${n === 1 ? 'member' : 'members'} present`,
    members: (n) => `all ${n} members`,
  },
  requirement: (rule) => fractionText(rule, 'more than', 'at least', 'more than half', 'at least two-thirds'),
  atLeastVotes: (n) => `at least ${n} ${n === 1 ? 'vote' : 'votes'}`,
  motionCounts: (o) => `${o.yes} in favour, ${o.no} against, ${o.abstain} abstaining`,
  noQuorum: (o) => `not enough members present (${o.present}/${o.members}; at least ${o.quorumNeeded} needed)`,
  noVotes: 'no votes were cast',
  motionTie: 'as many votes in favour as against',
  simpleRule: 'more votes in favour than against needed',
  motionShare: (o, base) => `${o.yes} in favour out of ${base}`,
  plurality: (cast) => `the most votes, out of ${cast} voting ${cast === 1 ? 'member' : 'members'}`,
  outOf: (base) => `out of ${base}`,
  need: (req, t) => `${req} needed, i.e. ${t}`,
  tied: (list, v) => `${list} are tied (${v} each); vote again between them`,
  tiedForRest: (list, v, n) =>
    `${list} are tied (${v} each) for the remaining ${n === 1 ? 'place' : `${n} places`}; vote again between them`,
  noneReached: (req, base, t, top) => `no option reached ${req} of ${base} (${t} needed); the highest was ${top}`,
};

const quoted = (label: string): string => `“${label}”`;

function explainMotion(o: MotionOutcome, w: Words): string {
  const verdict = o.passed ? w.passed : w.failed;
  if (o.reason === 'TIE') return `${verdict}: ${w.motionTie} (${w.motionCounts(o)}).`;
  if (o.rule.kind === 'simple') return `${verdict}: ${w.motionCounts(o)} (${w.simpleRule}).`;
  const need = w.need(w.requirement(o.rule), w.atLeastVotes(o.threshold));
  return `${verdict}: ${w.motionShare(o, w.base[o.baseKind](o.base))} (${need}).`;
}

function explainChoice(o: ChoiceOutcome, w: Words): string {
  const byId = new Map(o.options.map((r) => [r.id, r]));
  const pick = (ids: readonly string[]): OptionResult[] => ids.map((id) => byId.get(id)!);
  const withVotes = (rs: OptionResult[]): string => rs.map((r) => `${quoted(r.label)} (${w.votes(r.votes)})`).join(', ');
  const winners = pick(o.winners);
  const base = w.base[o.baseKind](o.base);
  const req = w.requirement(o.rule);

  if (o.reason === 'TIE') {
    const tied = pick(o.tied);
    const names = tied.map((r) => quoted(r.label));
    const list = `${names.slice(0, -1).join(', ')} ${w.and} ${names.at(-1) ?? ''}`;
    const votes = w.votes(tied[0]?.votes ?? 0);
    if (winners.length === 0) return `${w.noResult}: ${w.tied(list, votes)}.`;
    const rest = o.seats - winners.length;
    return `${w.partly(withVotes(winners))}; ${w.tiedForRest(list, votes, rest)}.`;
  }
  if (o.reason === 'MAJORITY_REACHED') {
    const why = o.rule.kind === 'simple' ? w.plurality(o.cast) : `${w.outOf(base)}, ${w.need(req, w.atLeastVotes(o.threshold))}`;
    return `${w.chosen(withVotes(winners))} — ${why}.`;
  }
  const top = [...o.options].sort((a, b) => b.votes - a.votes)[0];
  const topText = top ? `${quoted(top.label)} (${w.votes(top.votes)})` : '';
  return `${w.noResult}: ${w.noneReached(req, base, w.atLeastVotes(o.threshold), topText)}.`;
}

/**
 * A one-sentence explanation of `decide`'s outcome, e.g. "Thông qua: 12 phiếu tán thành trên
 * 20 đại biểu có mặt (cần quá nửa, tức từ 11 phiếu trở lên)." Labels of choice options are
 * quoted as the chair wrote them.
 */
export function explain(o: Outcome, locale: Locale): string {
  const w = locale === 'vi' ? vi : en;
  if (o.reason === 'NO_QUORUM' || o.reason === 'NO_VOTES') {
    const verdict = o.kind === 'yesNoAbstain' ? w.failed : w.noResult;
    return `${verdict}: ${o.reason === 'NO_QUORUM' ? w.noQuorum(o) : w.noVotes}.`;
  }
  return o.kind === 'yesNoAbstain' ? explainMotion(o, w) : explainChoice(o, w);
}
