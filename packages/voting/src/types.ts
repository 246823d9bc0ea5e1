/**
 * The poll model. A poll is a definition (kind, options, secrecy, majority rule, base, quorum);
 * ballots are lists of option ids; a tally counts them; `decide` turns a tally plus attendance
 * into an outcome. Everything here is plain data so it can go through JSON, MongoDB and
 * Socket.io unchanged.
 */

/** What a ballot can say. */
export const PollKind = {
  /** A motion: each ballot is exactly one of `yes`, `no`, `abstain` (see `YES_NO_ABSTAIN_OPTIONS`). */
  YES_NO_ABSTAIN: 'yesNoAbstain',
  /** Exactly one of the poll's options. */
  SINGLE: 'single',
  /** Between 1 and `maxChoices` distinct options. */
  MULTIPLE: 'multiple',
} as const;
export type PollKind = (typeof PollKind)[keyof typeof PollKind];

/**
 * Whether the voter is recorded next to the choice. The package only carries the flag; keeping
 * secret ballots unlinkable (no voter id, order or time next to a choice) is the server's job.
 */
export const Secrecy = {
  NAMED: 'named',
  SECRET: 'secret',
} as const;
export type Secrecy = (typeof Secrecy)[keyof typeof Secrecy];

/**
 * What the required fraction is taken of.
 * - `cast`: ballots cast, abstentions included (an abstention is a vote that is not "yes").
 * - `present`: members present when the poll closes (never fewer than the ballots cast).
 * - `members`: all members of the body ("tổng số đại biểu").
 */
export const MajorityBase = {
  CAST: 'cast',
  PRESENT: 'present',
  MEMBERS: 'members',
} as const;
export type MajorityBase = (typeof MajorityBase)[keyof typeof MajorityBase];

/**
 * How many votes carry a motion or elect an option. Every comparison is exact integer
 * arithmetic (`votes * denominator > numerator * base`), never a floating-point threshold.
 * - `simple`: more "yes" than "no" (abstentions and the base do not count). For choice polls:
 *   plurality, the most votes wins.
 * - `absolute`: MORE THAN half of the base, strictly ("quá nửa tổng số", Luật Tổ chức chính
 *   quyền địa phương); 10 of 20 is not enough, 11 is.
 * - `twoThirds`: AT LEAST two-thirds of the base ("ít nhất hai phần ba"); 14 of 21 is enough.
 * - `fraction`: `numerator/denominator` of the base, with the strictness spelled out: `atLeast`
 *   true means ≥, false means strictly more than. `absolute` is `{1, 2, atLeast: false}` and
 *   `twoThirds` is `{2, 3, atLeast: true}`.
 */
export type MajorityRule =
  | { kind: 'simple' }
  | { kind: 'absolute' }
  | { kind: 'twoThirds' }
  | { kind: 'fraction'; numerator: number; denominator: number; atLeast: boolean };

/**
 * Attendance needed for the vote to count, always measured on members present.
 * - `fractionOfMembers`: `present` compared with `numerator/denominator` of all members, ≥ when
 *   `atLeast`, strictly more otherwise. "More than half of the members present" is
 *   `{ kind: 'fractionOfMembers', numerator: 1, denominator: 2, atLeast: false }`.
 * - `minPresent`: at least `count` members present.
 */
export type QuorumRule =
  | { kind: 'fractionOfMembers'; numerator: number; denominator: number; atLeast: boolean }
  | { kind: 'minPresent'; count: number };

/** One choice on the ballot. `id` is stable and what ballots carry; `label` is what people read. */
export interface PollOption {
  id: string;
  label: string;
}

/** Fields every poll has, whatever its kind. */
export interface PollRules {
  secrecy: Secrecy;
  rule: MajorityRule;
  base: MajorityBase;
  /** Absent or null: no attendance requirement. */
  quorum?: QuorumRule | null;
}

/** A motion. Its options are always `YES_NO_ABSTAIN_OPTIONS`, so the definition has none. */
export interface YesNoAbstainPoll extends PollRules {
  kind: typeof PollKind.YES_NO_ABSTAIN;
}

export interface SingleChoicePoll extends PollRules {
  kind: typeof PollKind.SINGLE;
  options: readonly PollOption[];
}

/** `maxChoices` is also the number of places to fill when deciding (see `decide`). */
export interface MultipleChoicePoll extends PollRules {
  kind: typeof PollKind.MULTIPLE;
  options: readonly PollOption[];
  maxChoices: number;
}

export type ChoicePoll = SingleChoicePoll | MultipleChoicePoll;
export type PollDefinition = YesNoAbstainPoll | ChoicePoll;

/** Bounds checked by `validatePollDefinition` and `decide`. */
export const PollLimits = {
  MIN_OPTIONS: 2,
  MAX_OPTIONS: 50,
  MAX_OPTION_ID: 64,
  MAX_LABEL: 500,
  /** Keeps fractions readable and every product far below 2^53. */
  MAX_DENOMINATOR: 100,
  MAX_MEMBERS: 100_000,
} as const;

export type Locale = 'vi' | 'en';

/** Motion answers in council wording: "Tán thành / Không tán thành / Không biểu quyết". */
export const YES_NO_ABSTAIN_LABELS = {
  yes: { vi: 'Tán thành', en: 'In favour' },
  no: { vi: 'Không tán thành', en: 'Against' },
  abstain: { vi: 'Không biểu quyết', en: 'Abstain' },
} as const satisfies Record<string, Record<Locale, string>>;
export type YesNoAbstainId = keyof typeof YES_NO_ABSTAIN_LABELS;

/** The fixed options of every `yesNoAbstain` poll, in ballot order, with Vietnamese labels. */
export const YES_NO_ABSTAIN_OPTIONS: readonly PollOption[] = Object.freeze(
  (['yes', 'no', 'abstain'] as const).map((id) => Object.freeze({ id, label: YES_NO_ABSTAIN_LABELS[id].vi })),
);
