import { useState } from 'react';
import type { Quorum, QuorumRule } from '@e-cabinet/protocol';
import { useT, type TFunction } from '../../i18n';
import { CheckboxField, TextField } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useFormError } from '../../ui/FormError';
import { useSubmit } from '../../ui/hooks';
import { isSatisfiableRule, QUORUM_PRESETS, quorumRuleWords, quorumShortfall } from './live-logic';
import { useLiveRoomContext } from './live-room-context';

/** "quá nửa", "ít nhất 2/3", … */
export function ruleText(t: TFunction, rule: QuorumRule): string {
  const words = quorumRuleWords(rule);
  return 'numerator' in words ? t(words.key, { numerator: words.numerator, denominator: words.denominator }) : t(words.key);
}

/** One line for headers: "Đủ số lượng đại biểu (7/10)" or "Chưa đủ số lượng đại biểu (4/10, cần 6)". */
export function quorumLine(t: TFunction, q: Quorum): string {
  return q.met ? t('live.quorum.metShort', { present: q.present, members: q.members }) : t('live.quorum.notMetShort', { present: q.present, members: q.members, required: q.required });
}

/** Whether enough voting members are present, against the rule; the chair or secretary can change the rule. */
export function QuorumPanel() {
  const t = useT();
  const { state, can } = useLiveRoomContext();
  const [editing, setEditing] = useState(false);
  const q = state.quorum;
  const editable = can.runMeeting && state.status !== 'ended' && state.status !== 'closed';
  return (
    <section className={`panel live-quorum ${q.met ? 'live-quorum-met' : 'live-quorum-missing'}`} aria-labelledby="live-quorum-title">
      <div className="panel-header">
        <h2 id="live-quorum-title">{t('live.quorum.title')}</h2>
        {editable && (
          <button type="button" className="button-quiet" onClick={() => setEditing(true)}>
            {t('live.quorum.changeRule')}
          </button>
        )}
      </div>
      <p className="live-quorum-verdict" data-testid="quorum" aria-live="polite">
        <strong>{q.met ? t('live.quorum.met') : t('live.quorum.notMet')}</strong>
      </p>
      <p className="live-quorum-numbers">
        {t('live.quorum.numbers', { present: q.present, members: q.members, required: q.required })}
      </p>
      {!q.met && q.members > 0 && <p className="muted">{t('live.quorum.shortfall', { count: quorumShortfall(q) })}</p>}
      {q.members === 0 && <p className="muted">{t('live.quorum.noMembers')}</p>}
      <p className="muted">{t('live.quorum.rule', { rule: ruleText(t, q.rule) })}</p>
      {editing && <QuorumRuleDialog rule={q.rule} onClose={() => setEditing(false)} />}
    </section>
  );
}

function QuorumRuleDialog({ rule, onClose }: { rule: QuorumRule; onClose: () => void }) {
  const t = useT();
  const { run } = useLiveRoomContext();
  const preset = QUORUM_PRESETS.find((p) => p.rule.numerator === rule.numerator && p.rule.denominator === rule.denominator && p.rule.strict === rule.strict);
  const [choice, setChoice] = useState(preset?.id ?? 'custom');
  const [numerator, setNumerator] = useState(String(rule.numerator));
  const [denominator, setDenominator] = useState(String(rule.denominator));
  const [strict, setStrict] = useState(rule.strict);
  const [invalid, setInvalid] = useState(false);

  const chosen = (): QuorumRule | null => {
    const found = QUORUM_PRESETS.find((p) => p.id === choice);
    if (found) return found.rule;
    const n = Number(numerator);
    const d = Number(denominator);
    const custom = { numerator: n, denominator: d, strict };
    const inRange = (x: number) => Number.isInteger(x) && x >= 1 && x <= 100;
    return inRange(n) && inRange(d) && isSatisfiableRule(custom) ? custom : null;
  };
  const { run: submit, busy, error } = useSubmit(async () => {
    const next = chosen();
    setInvalid(next === null);
    if (!next) return;
    await run('live:quorum:setRule', { rule: next });
    onClose();
  });
  const { summary, details } = useFormError(error, []);

  return (
    <FormDialog title={t('live.quorum.ruleTitle')} busy={busy} error={{ summary, details, hasFieldErrors: false }} onSubmit={() => void submit()} onClose={onClose}>
      <fieldset className="check-group">
        <legend>{t('live.quorum.ruleLegend')}</legend>
        {QUORUM_PRESETS.map((p) => (
          <label key={p.id} className="check-row">
            <input type="radio" name="quorum-rule" checked={choice === p.id} onChange={() => setChoice(p.id)} />
            <span>{ruleText(t, p.rule)}</span>
          </label>
        ))}
        <label className="check-row">
          <input type="radio" name="quorum-rule" checked={choice === 'custom'} onChange={() => setChoice('custom')} />
          <span>{t('live.quorum.custom')}</span>
        </label>
      </fieldset>
      {choice === 'custom' && (
        <div className="field-pair">
          <TextField label={t('live.quorum.numerator')} type="number" inputMode="numeric" min={1} max={100} value={numerator} onValueChange={setNumerator} />
          <TextField label={t('live.quorum.denominator')} type="number" inputMode="numeric" min={1} max={100} value={denominator} onValueChange={setDenominator} />
          <CheckboxField label={t('live.quorum.strict')} checked={strict} onCheckedChange={setStrict} />
        </div>
      )}
      {invalid && <p className="field-error">{t('live.quorum.invalidRule')}</p>}
    </FormDialog>
  );
}
