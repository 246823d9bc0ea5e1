import { MajorityBase, PollKind, PollLimits, Secrecy, type PollDefinition } from './types.ts';

/** Why a poll definition was refused. Paths are JSON Pointers, like TypeBox error paths. */
export const DefinitionIssueCode = {
  NOT_OBJECT: 'NOT_OBJECT',
  INVALID_KIND: 'INVALID_KIND',
  INVALID_SECRECY: 'INVALID_SECRECY',
  INVALID_BASE: 'INVALID_BASE',
  /** Not one of the rule kinds. */
  INVALID_RULE: 'INVALID_RULE',
  /** numerator/denominator not integers with 1 ≤ numerator ≤ denominator ≤ MAX_DENOMINATOR, or `atLeast` not a boolean. */
  INVALID_FRACTION: 'INVALID_FRACTION',
  /** Not one of the quorum kinds, or a `minPresent` count outside 1..MAX_MEMBERS. */
  INVALID_QUORUM: 'INVALID_QUORUM',
  /** A motion's options are fixed; giving them is a mistake, not something to ignore. */
  OPTIONS_NOT_ALLOWED: 'OPTIONS_NOT_ALLOWED',
  MAX_CHOICES_NOT_ALLOWED: 'MAX_CHOICES_NOT_ALLOWED',
  INVALID_OPTIONS: 'INVALID_OPTIONS',
  TOO_FEW_OPTIONS: 'TOO_FEW_OPTIONS',
  TOO_MANY_OPTIONS: 'TOO_MANY_OPTIONS',
  INVALID_OPTION: 'INVALID_OPTION',
  /** Not 1..MAX_OPTION_ID characters of A–Z a–z 0–9 _ -, or `__proto__`. */
  INVALID_OPTION_ID: 'INVALID_OPTION_ID',
  DUPLICATE_OPTION_ID: 'DUPLICATE_OPTION_ID',
  /** Not a string of 1..MAX_LABEL characters once trimmed. */
  INVALID_LABEL: 'INVALID_LABEL',
  /** Two options read the same (trimmed, NFC, case-insensitive): voters could not tell them apart. */
  DUPLICATE_LABEL: 'DUPLICATE_LABEL',
  /** Not an integer in 1..options.length. */
  INVALID_MAX_CHOICES: 'INVALID_MAX_CHOICES',
} as const;
export type DefinitionIssueCode = (typeof DefinitionIssueCode)[keyof typeof DefinitionIssueCode];

export interface DefinitionIssue {
  path: string;
  code: DefinitionIssueCode;
}

type Rec = Record<string, unknown>;

// Ids end up as object keys (tallies), MongoDB field names and DOM attributes: keep them boring.
const ID_RE = /^[A-Za-z0-9_-]+$/;

const isRecord = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const isIntIn = (x: unknown, min: number, max: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
const oneOf = (values: object, x: unknown): boolean => (Object.values(values) as unknown[]).includes(x);

function isFraction(x: Rec): boolean {
  return (
    isIntIn(x.denominator, 1, PollLimits.MAX_DENOMINATOR) &&
    isIntIn(x.numerator, 1, x.denominator) &&
    typeof x.atLeast === 'boolean'
  );
}

function checkRule(rule: unknown, out: DefinitionIssue[]): void {
  if (!isRecord(rule) || !['simple', 'absolute', 'twoThirds', 'fraction'].includes(rule.kind as string)) {
    out.push({ path: '/rule', code: 'INVALID_RULE' });
  } else if (rule.kind === 'fraction' && !isFraction(rule)) {
    out.push({ path: '/rule', code: 'INVALID_FRACTION' });
  }
}

function checkQuorum(quorum: unknown, out: DefinitionIssue[]): void {
  if (quorum === undefined || quorum === null) return;
  if (isRecord(quorum) && quorum.kind === 'fractionOfMembers') {
    if (!isFraction(quorum)) out.push({ path: '/quorum', code: 'INVALID_FRACTION' });
  } else if (!(isRecord(quorum) && quorum.kind === 'minPresent' && isIntIn(quorum.count, 1, PollLimits.MAX_MEMBERS))) {
    out.push({ path: '/quorum', code: 'INVALID_QUORUM' });
  }
}

function checkOptions(options: unknown, out: DefinitionIssue[]): number | null {
  if (!Array.isArray(options)) {
    out.push({ path: '/options', code: 'INVALID_OPTIONS' });
    return null;
  }
  // Length first, so a huge array is refused before it is walked.
  if (options.length > PollLimits.MAX_OPTIONS) {
    out.push({ path: '/options', code: 'TOO_MANY_OPTIONS' });
    return null;
  }
  if (options.length < PollLimits.MIN_OPTIONS) out.push({ path: '/options', code: 'TOO_FEW_OPTIONS' });
  const ids = new Set<string>();
  const labels = new Set<string>();
  options.forEach((o: unknown, i) => {
    const at = `/options/${i}`;
    if (!isRecord(o)) {
      out.push({ path: at, code: 'INVALID_OPTION' });
      return;
    }
    const { id, label } = o;
    if (typeof id !== 'string' || id.length > PollLimits.MAX_OPTION_ID || !ID_RE.test(id) || id === '__proto__') {
      out.push({ path: `${at}/id`, code: 'INVALID_OPTION_ID' });
    } else if (ids.has(id)) {
      out.push({ path: `${at}/id`, code: 'DUPLICATE_OPTION_ID' });
    } else {
      ids.add(id);
    }
    const text = typeof label === 'string' ? label.trim() : '';
    if (text.length < 1 || text.length > PollLimits.MAX_LABEL) {
      out.push({ path: `${at}/label`, code: 'INVALID_LABEL' });
      return;
    }
    const key = text.normalize('NFC').toLowerCase();
    if (labels.has(key)) out.push({ path: `${at}/label`, code: 'DUPLICATE_LABEL' });
    labels.add(key);
  });
  return options.length;
}

/**
 * Every problem with a poll definition received from outside, in document order; empty means it
 * is a valid `PollDefinition`. Checks what a schema cannot: option counts and uniqueness,
 * `maxChoices` against the options, fractions in (0, 1] with small integer terms. Unknown extra
 * fields are ignored. Labels are checked trimmed; store them trimmed.
 */
export function validatePollDefinition(x: unknown): DefinitionIssue[] {
  if (!isRecord(x)) return [{ path: '', code: 'NOT_OBJECT' }];
  const out: DefinitionIssue[] = [];
  if (!oneOf(PollKind, x.kind)) out.push({ path: '/kind', code: 'INVALID_KIND' });
  if (!oneOf(Secrecy, x.secrecy)) out.push({ path: '/secrecy', code: 'INVALID_SECRECY' });
  checkRule(x.rule, out);
  if (!oneOf(MajorityBase, x.base)) out.push({ path: '/base', code: 'INVALID_BASE' });
  checkQuorum(x.quorum, out);

  if (x.kind === PollKind.YES_NO_ABSTAIN) {
    if (x.options !== undefined) out.push({ path: '/options', code: 'OPTIONS_NOT_ALLOWED' });
  } else if (x.kind === PollKind.SINGLE || x.kind === PollKind.MULTIPLE) {
    const count = checkOptions(x.options, out);
    if (x.kind === PollKind.MULTIPLE && count !== null && !isIntIn(x.maxChoices, 1, Math.max(1, count))) {
      out.push({ path: '/maxChoices', code: 'INVALID_MAX_CHOICES' });
    }
  }
  if (x.kind !== PollKind.MULTIPLE && x.maxChoices !== undefined) {
    out.push({ path: '/maxChoices', code: 'MAX_CHOICES_NOT_ALLOWED' });
  }
  return out;
}

/** Type guard form of `validatePollDefinition`. */
export function isPollDefinition(x: unknown): x is PollDefinition {
  return validatePollDefinition(x).length === 0;
}

/** Throws a RangeError listing the issues; for callers that hold a definition they already validated. */
export function assertPollDefinition(x: unknown): asserts x is PollDefinition {
  const issues = validatePollDefinition(x);
  if (issues.length > 0) {
    throw new RangeError(`invalid poll definition: ${issues.map((i) => `${i.path || '/'} ${i.code}`).join(', ')}`);
  }
}
