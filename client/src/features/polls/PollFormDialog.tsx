import { useState } from 'react';
import type { AgendaItem, Poll } from '@e-cabinet/protocol';
import { useT, type MessageKey } from '../../i18n';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useFormError } from '../../ui/FormError';
import { useSubmit } from '../../ui/hooks';
import { draftOf, draftProblems, draftToRequest, emptyDraft, type DraftProblem, type PollDraft } from './poll-logic';
import { pollsApi } from './polls-api';

interface Props {
  meetingId: string;
  agenda: readonly AgendaItem[];
  /** The item under discussion: where a new poll goes unless another is chosen. */
  currentItemId: string | null;
  /** Editing this draft; absent: a new poll. */
  poll?: Poll;
  onSaved: (poll: Poll) => void;
  onClose: () => void;
}

const PROBLEM_TEXT = {
  question: 'polls.form.needQuestion',
  item: 'polls.form.needItem',
  options: 'polls.form.needOptions',
  duplicateOptions: 'polls.form.duplicateOptions',
  maxChoices: 'polls.form.badMaxChoices',
  timer: 'polls.form.badTimer',
} as const satisfies Record<DraftProblem, MessageKey>;

/** The chair or secretary prepares a poll on an agenda item: question, kind, options, secrecy, majority, timer. */
export function PollFormDialog({ meetingId, agenda, currentItemId, poll, onSaved, onClose }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<PollDraft>(() => (poll ? draftOf(poll) : emptyDraft(currentItemId ?? agenda[0]?.id ?? '')));
  const [shown, setShown] = useState<DraftProblem[]>([]);
  const set = <K extends keyof PollDraft>(key: K, value: PollDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const { run, busy, error } = useSubmit(async () => {
    const problems = draftProblems(draft);
    setShown(problems);
    if (problems.length > 0) return;
    const body = draftToRequest(draft);
    onSaved(poll ? await pollsApi.update(meetingId, poll.id, body) : await pollsApi.create(meetingId, body));
  });
  const { fields, summary, details } = useFormError(error, ['question', 'itemId', 'definition', 'durationSec']);
  const problem = (p: DraftProblem) => (shown.includes(p) ? t(PROBLEM_TEXT[p]) : undefined);
  const choice = draft.kind !== 'yesNoAbstain';

  return (
    <FormDialog
      title={poll ? t('polls.form.editTitle') : t('polls.form.createTitle')}
      submitLabel={poll ? t('common.save') : t('polls.form.create')}
      busy={busy}
      error={{ summary, details, hasFieldErrors: Object.keys(fields).length > 0 || shown.length > 0 }}
      onSubmit={() => void run()}
      onClose={onClose}
    >
      <TextAreaField label={t('polls.form.question')} value={draft.question} onValueChange={(v) => set('question', v)} error={problem('question') ?? fields.question} required maxLength={1000} rows={2} />
      <SelectField
        label={t('polls.form.item')}
        value={draft.itemId}
        onValueChange={(v) => set('itemId', v)}
        error={problem('item') ?? fields.itemId}
        options={[{ value: '', label: t('polls.form.pickItem') }, ...agenda.map((i, n) => ({ value: i.id, label: `${n + 1}. ${i.title}${i.id === currentItemId ? ` (${t('live.agenda.now')})` : ''}` }))]}
      />
      <fieldset className="check-group">
        <legend>{t('polls.form.kind')}</legend>
        {(['yesNoAbstain', 'single', 'multiple'] as const).map((k) => (
          <label key={k} className="check-row">
            <input type="radio" name="poll-kind" checked={draft.kind === k} onChange={() => set('kind', k)} />
            <span>{t(`polls.kind.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      {choice && (
        <fieldset className="check-group poll-form-options">
          <legend>{t('polls.form.options')}</legend>
          {draft.options.map((label, i) => (
            <div key={i} className="poll-form-option">
              <TextField
                label={t('polls.form.optionN', { n: i + 1 })}
                value={label}
                maxLength={500}
                onValueChange={(v) => set('options', draft.options.map((o, j) => (j === i ? v : o)))}
              />
              <button type="button" className="button-quiet" disabled={draft.options.length <= 2} onClick={() => set('options', draft.options.filter((_, j) => j !== i))} aria-label={t('polls.form.removeOptionN', { n: i + 1 })}>
                {t('polls.form.removeOption')}
              </button>
            </div>
          ))}
          {(problem('options') ?? problem('duplicateOptions')) && <p className="field-error">{problem('options') ?? problem('duplicateOptions')}</p>}
          <button type="button" disabled={draft.options.length >= 50} onClick={() => set('options', [...draft.options, ''])}>
            {t('polls.form.addOption')}
          </button>
        </fieldset>
      )}
      {draft.kind === 'multiple' && (
        <TextField label={t('polls.form.maxChoices')} type="number" inputMode="numeric" min={1} max={50} value={String(draft.maxChoices)} onValueChange={(v) => set('maxChoices', Number(v))} error={problem('maxChoices')} />
      )}
      <div className="field-pair">
        <SelectField
          label={t('polls.form.secrecy')}
          value={draft.secrecy}
          onValueChange={(v) => set('secrecy', v === 'secret' ? 'secret' : 'named')}
          options={[
            { value: 'named', label: t('polls.secrecy.named') },
            { value: 'secret', label: t('polls.secrecy.secret') },
          ]}
        />
        <SelectField
          label={t('polls.form.rule')}
          value={draft.rule}
          onValueChange={(v) => set('rule', v === 'simple' || v === 'twoThirds' ? v : 'absolute')}
          options={(['absolute', 'twoThirds', 'simple'] as const).map((r) => ({ value: r, label: t(choice && r === 'simple' ? 'polls.rule.plurality' : `polls.rule.${r}`) }))}
        />
        <SelectField
          label={t('polls.form.base')}
          value={draft.base}
          onValueChange={(v) => set('base', v === 'cast' || v === 'present' ? v : 'members')}
          disabled={draft.rule === 'simple'}
          hint={draft.rule === 'simple' ? t('polls.form.baseUnused') : undefined}
          options={(['members', 'present', 'cast'] as const).map((b) => ({ value: b, label: t(`polls.base.${b}`) }))}
        />
        <TextField
          label={t('polls.form.timer')}
          hint={t('polls.form.timerHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={1440}
          value={String(draft.timerMinutes)}
          onValueChange={(v) => set('timerMinutes', v === '' ? 0 : Number(v))}
          error={problem('timer') ?? fields.durationSec}
        />
      </div>
      <CheckboxField label={t('polls.form.hideTally')} hint={t('polls.form.hideTallyHint')} checked={draft.hideTally} onCheckedChange={(v) => set('hideTally', v)} />
      {fields.definition && <p className="field-error">{fields.definition}</p>}
    </FormDialog>
  );
}
