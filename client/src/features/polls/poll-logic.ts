import type { Locale, MajorityRuleInput, Poll, PollDefinitionInput, PollOptionInput, PollResult } from '@e-cabinet/protocol';

/** Open polls first (newest first), then drafts, then closed ones (latest closed first). */
export function sortPolls(polls: readonly Poll[]): Poll[] {
  const rank = { open: 0, draft: 1, closed: 2 } as const;
  const time = (p: Poll) => Date.parse(p.closedAt ?? p.openedAt ?? p.createdAt) || 0;
  return [...polls].sort((a, b) => rank[a.status] - rank[b.status] || time(b) - time(a));
}

/** Replaces a poll by id (adding it when new), keeping a newer copy when the incoming one is older. */
export function upsertPoll(polls: readonly Poll[], incoming: Poll): Poll[] {
  const i = polls.findIndex((p) => p.id === incoming.id);
  if (i < 0) return [...polls, incoming];
  const current = polls[i]!;
  // A late `poll:opened` must not undo a `poll:result` that arrived first.
  const order = { draft: 0, open: 1, closed: 2 } as const;
  if (order[incoming.status] < order[current.status]) return [...polls];
  const out = [...polls];
  out[i] = incoming.status === current.status && incoming.voted < current.voted ? { ...incoming, voted: current.voted } : incoming;
  return out;
}

/**
 * A freshly fetched list, keeping what events already brought that the answer may predate (a
 * later status, a higher count). Polls missing from the answer are gone (a deleted draft).
 */
export function mergeList(held: readonly Poll[], fetched: readonly Poll[]): Poll[] {
  const byId = new Map(held.map((p) => [p.id, p] as const));
  return fetched.map((p) => {
    const old = byId.get(p.id);
    return old ? upsertPoll([old], p)[0]! : p;
  });
}

/** Progress only grows (`voted` never decreases on the server); an older event is ignored. */
export function applyProgress(polls: readonly Poll[], progress: { pollId: string; voted: number; eligible: number }): Poll[] {
  return polls.map((p) => (p.id === progress.pollId && p.status === 'open' && progress.voted >= p.voted ? { ...p, voted: progress.voted, eligible: progress.eligible } : p));
}

/** Whether the list from the live state's summaries differs from the polls held (then fetch them again). */
export function summariesDiffer(held: readonly Pick<Poll, 'id' | 'status'>[], summaries: readonly { id: string; status: string }[]): boolean {
  const byId = new Map(held.map((p) => [p.id, p.status] as const));
  return summaries.some((s) => byId.get(s.id) !== s.status);
}

/** A ballot's choice as option labels, in ballot order. */
export function choiceLabels(poll: Pick<Poll, 'options'>, choice: readonly string[]): string[] {
  return poll.options.filter((o) => choice.includes(o.id)).map((o) => o.label);
}

/** The motion labels in the voter's language (the server stores the Vietnamese ones). */
const MOTION_LABELS: Record<string, Record<Locale, string>> = {
  yes: { vi: 'Tán thành', en: 'In favour' },
  no: { vi: 'Không tán thành', en: 'Against' },
  abstain: { vi: 'Không biểu quyết', en: 'Abstain' },
};

/** An option's label to show: the fixed motion wording in the UI language, else the poll's own text. */
export function optionLabel(poll: Pick<Poll, 'definition'>, option: PollOptionInput, locale: Locale): string {
  return poll.definition.kind === 'yesNoAbstain' ? (MOTION_LABELS[option.id]?.[locale] ?? option.label) : option.label;
}

// ---- Results and chart -----------------------------------------------------------------------

export interface ResultRow {
  id: string;
  label: string;
  votes: number;
  percent: number;
  /** Elected or carried (motions: "yes" when passed). */
  winner: boolean;
}

export function resultRows(poll: Pick<Poll, 'definition'>, result: PollResult, locale: Locale): ResultRow[] {
  const winners = new Set(result.outcome.winners ?? []);
  return result.options.map((o) => ({
    id: o.id,
    label: optionLabel(poll, o, locale),
    votes: o.votes,
    percent: o.percent,
    winner: poll.definition.kind === 'yesNoAbstain' ? o.id === 'yes' && result.outcome.passed : winners.has(o.id),
  }));
}

/** `12.5` → `"12,5%"` in Vietnamese, `"12.5%"` in English. */
export function formatPercent(percent: number, locale: Locale): string {
  return `${new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(percent)}%`;
}

/** Percentages of `cast` from raw counts (for the running tally), one decimal, 0 when nobody voted. */
export function percentOf(votes: number, cast: number): number {
  return cast > 0 ? Math.round((votes / cast) * 1000) / 10 : 0;
}

export interface Bar {
  id: string;
  label: string;
  value: string;
  y: number;
  width: number;
  winner: boolean;
}

/**
 * Horizontal bars for the result chart, in SVG user units: one row per option, the longest
 * bar filling `maxWidth` (no bar at all for zero votes, so an empty option reads as empty).
 */
export function chartBars(rows: readonly ResultRow[], locale: Locale, maxWidth: number, rowHeight: number): Bar[] {
  const top = Math.max(1, ...rows.map((r) => r.votes));
  return rows.map((r, i) => ({
    id: r.id,
    label: r.label,
    value: `${r.votes} (${formatPercent(r.percent, locale)})`,
    y: i * rowHeight,
    width: r.votes === 0 ? 0 : Math.max(2, Math.round((r.votes / top) * maxWidth)),
    winner: r.winner,
  }));
}

// ---- Time ------------------------------------------------------------------------------------

/** Whole seconds until the poll's timer closes it (never negative); null without a timer. */
export function pollSecondsLeft(poll: Pick<Poll, 'closesAt' | 'status'>, serverNow: number): number | null {
  if (poll.status !== 'open' || !poll.closesAt) return null;
  return Math.max(0, Math.ceil((Date.parse(poll.closesAt) - serverNow) / 1000));
}

// ---- Creating a poll -------------------------------------------------------------------------

export type RuleChoice = MajorityRuleInput['kind'];

/** Option ids for a new poll: short, stable and valid for `PollOptionSchema`. */
export function optionIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `o${i + 1}`);
}

export interface PollDraft {
  question: string;
  itemId: string;
  kind: PollDefinitionInput['kind'];
  options: string[];
  maxChoices: number;
  secrecy: PollDefinitionInput['secrecy'];
  rule: 'simple' | 'absolute' | 'twoThirds';
  base: PollDefinitionInput['base'];
  /** Minutes; 0 means no timer. */
  timerMinutes: number;
  hideTally: boolean;
}

export const emptyDraft = (itemId: string): PollDraft => ({
  question: '',
  itemId,
  kind: 'yesNoAbstain',
  options: ['', ''],
  maxChoices: 2,
  secrecy: 'named',
  rule: 'absolute',
  base: 'members',
  timerMinutes: 0,
  hideTally: false,
});

/** A stored poll back into the form's shape (for editing a draft). */
export function draftOf(poll: Poll): PollDraft {
  const rule = poll.definition.rule.kind === 'fraction' ? 'absolute' : poll.definition.rule.kind;
  return {
    question: poll.question,
    itemId: poll.itemId,
    kind: poll.definition.kind,
    options: poll.definition.kind === 'yesNoAbstain' ? ['', ''] : poll.options.map((o) => o.label),
    maxChoices: poll.definition.maxChoices ?? 2,
    secrecy: poll.definition.secrecy,
    rule,
    base: poll.definition.base,
    timerMinutes: poll.durationSec ? Math.round(poll.durationSec / 60) : 0,
    hideTally: poll.hideTallyUntilClose,
  };
}

export type DraftProblem = 'question' | 'item' | 'options' | 'duplicateOptions' | 'maxChoices' | 'timer';

/** What is missing or wrong before sending (the server checks again and may refuse more). */
export function draftProblems(d: PollDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!d.question.trim()) problems.push('question');
  if (!d.itemId) problems.push('item');
  if (d.kind !== 'yesNoAbstain') {
    const labels = d.options.map((o) => o.trim()).filter(Boolean);
    if (labels.length < 2) problems.push('options');
    else if (new Set(labels.map((l) => l.toLocaleLowerCase('vi'))).size !== labels.length) problems.push('duplicateOptions');
    if (d.kind === 'multiple' && (!Number.isInteger(d.maxChoices) || d.maxChoices < 1 || d.maxChoices > Math.max(1, labels.length))) problems.push('maxChoices');
  }
  if (!Number.isInteger(d.timerMinutes) || d.timerMinutes < 0 || d.timerMinutes > 1440) problems.push('timer');
  return problems;
}

/** The request body for `POST /polls` (and `PATCH` of a draft). */
export function draftToRequest(d: PollDraft) {
  const labels = d.options.map((o) => o.trim()).filter(Boolean);
  const ids = optionIds(labels.length);
  const definition: PollDefinitionInput = { kind: d.kind, secrecy: d.secrecy, rule: { kind: d.rule }, base: d.base };
  if (d.kind !== 'yesNoAbstain') definition.options = labels.map((label, i) => ({ id: ids[i]!, label }));
  if (d.kind === 'multiple') definition.maxChoices = d.maxChoices;
  return { itemId: d.itemId, question: d.question.trim(), definition, hideTallyUntilClose: d.hideTally, durationSec: d.timerMinutes > 0 ? d.timerMinutes * 60 : null };
}
