import { useId, useState } from 'react';
import { MEETING_ROLES, type Directory, type MeetingRole } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import {
  addParticipant,
  draftKey,
  parseDraftKey,
  removeParticipant,
  setParticipantRole,
  type ParticipantDraft,
} from './participants-draft';

interface ParticipantsPickerProps {
  value: readonly ParticipantDraft[];
  onChange: (next: ParticipantDraft[]) => void;
  /** Null while the directory loads (or could not be loaded). */
  directory: Directory | null;
  error?: string | undefined;
}

const isRole = (v: string): v is MeetingRole => (MEETING_ROLES as readonly string[]).includes(v);

/** "Thành phần tham dự": add a person or a whole unit with a meeting role; change or remove lines. */
export function ParticipantsPicker({ value, onChange, directory, error }: ParticipantsPickerProps) {
  const t = useT();
  const id = useId();
  const [choice, setChoice] = useState('');
  const [role, setRole] = useState<MeetingRole>('member');
  const roleOptions = MEETING_ROLES.map((r) => (
    <option key={r} value={r}>
      {t(`meetingRole.${r}`)}
    </option>
  ));

  const add = () => {
    const parsed = parseDraftKey(choice);
    if (!parsed || !directory) return;
    const name =
      parsed.kind === 'user'
        ? directory.users.find((u) => u.id === parsed.id)?.fullName
        : directory.units.find((u) => u.id === parsed.id)?.name;
    if (!name) return;
    onChange(addParticipant(value, { ...parsed, name, role }));
    setChoice('');
  };

  return (
    <div className={error ? 'field participants-picker field-invalid' : 'field participants-picker'}>
      <div className="picker-row">
        <div className="picker-who">
          <label htmlFor={`${id}-who`}>{t('participants.label')}</label>
          <select
            id={`${id}-who`}
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            disabled={!directory}
            aria-describedby={error ? `${id}-error` : undefined}
          >
            <option value="">{directory ? t('participants.choose') : t('common.loading')}</option>
            {directory && (
              <>
                <optgroup label={t('participants.people')}>
                  {directory.users.map((u) => (
                    <option key={u.id} value={`user:${u.id}`}>
                      {u.fullName}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('participants.units')}>
                  {directory.units.map((u) => (
                    <option key={u.id} value={`unit:${u.id}`}>
                      {u.name}
                    </option>
                  ))}
                </optgroup>
              </>
            )}
          </select>
        </div>
        <div className="picker-role">
          <label htmlFor={`${id}-role`}>{t('participants.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => isRole(e.target.value) && setRole(e.target.value)}>
            {roleOptions}
          </select>
        </div>
        <button type="button" onClick={add} disabled={!choice}>
          {t('participants.add')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {value.length === 0 ? (
        <p className="muted">{t('participants.none')}</p>
      ) : (
        <ul className="picked-list" aria-label={t('participants.listLabel')}>
          {value.map((p) => {
            const key = draftKey(p);
            return (
              <li key={key} className="picked">
                <span className="picked-name">
                  {p.name}
                  <span className="cell-sub">{p.kind === 'user' ? t('participants.person') : t('participants.unit')}</span>
                </span>
                <select
                  aria-label={t('participants.roleOf', { name: p.name })}
                  value={p.role}
                  onChange={(e) => isRole(e.target.value) && onChange(setParticipantRole(value, key, e.target.value))}
                >
                  {roleOptions}
                </select>
                <button type="button" aria-label={t('participants.removeOne', { name: p.name })} onClick={() => onChange(removeParticipant(value, key))}>
                  {t('participants.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
