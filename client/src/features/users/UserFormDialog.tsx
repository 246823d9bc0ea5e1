import { useState } from 'react';
import { ROLES, Role, type Unit, type User } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { SelectField, TextField } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useFormError } from '../../ui/FormError';
import { useSubmit } from '../../ui/hooks';
import { unitOptions } from '../units/unit-tree';
import { usersApi } from './users-api';

interface Draft {
  username: string;
  fullName: string;
  email: string;
  title: string;
  role: Role;
  unitId: string;
  password: string;
}

function draftFrom(user: User | undefined): Draft {
  return {
    username: user?.username ?? '',
    fullName: user?.fullName ?? '',
    email: user?.email ?? '',
    title: user?.title ?? '',
    role: user?.role ?? Role.delegate,
    unitId: user?.unitId ?? '',
    password: '',
  };
}

const PLACED = ['username', 'fullName', 'email', 'title', 'role', 'unitId', 'password'];

interface UserFormDialogProps {
  /** Absent: create a new user. */
  user?: User | undefined;
  units: readonly Unit[];
  onClose: () => void;
  onSaved: (user: User) => void;
}

/** Create or edit a user. Validation is the server's; its per-field messages land by each field. */
export function UserFormDialog({ user, units, onClose, onSaved }: UserFormDialogProps) {
  const t = useT();
  const [draft, setDraft] = useState(() => draftFrom(user));
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const { run, busy, error } = useSubmit(async () => {
    const common = {
      fullName: draft.fullName.trim(),
      email: draft.email.trim() || null,
      title: draft.title.trim() || null,
      role: draft.role,
      unitId: draft.unitId || null,
    };
    const saved = user
      ? await usersApi.update(user.id, common)
      : await usersApi.create({ ...common, username: draft.username.trim(), password: draft.password });
    onSaved(saved);
  });
  const { fields, summary, details } = useFormError(error, PLACED);

  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const unitChoices = [{ value: '', label: t('users.noUnit') }, ...unitOptions(units, { keep: user?.unitId ?? null })];

  return (
    <FormDialog
      title={user ? t('users.editTitle', { name: user.username }) : t('users.add')}
      busy={busy}
      error={{ summary, details, hasFieldErrors: Object.keys(fields).length > 0 }}
      onSubmit={() => void run()}
      onClose={onClose}
    >
      {!user && (
        <TextField
          label={t('users.username')}
          value={draft.username}
          onValueChange={set('username')}
          error={fields.username}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
      )}
      <TextField
        label={t('users.fullName')}
        value={draft.fullName}
        onValueChange={set('fullName')}
        error={fields.fullName}
        autoComplete="off"
        required
      />
      <TextField
        type="email"
        label={t('users.email')}
        value={draft.email}
        onValueChange={set('email')}
        error={fields.email}
        autoComplete="off"
      />
      <TextField label={t('users.jobTitle')} value={draft.title} onValueChange={set('title')} error={fields.title} />
      <SelectField
        label={t('users.role')}
        value={draft.role}
        onValueChange={(v) => set('role')(ROLES.find((r) => r === v) ?? Role.delegate)}
        options={roleOptions}
        error={fields.role}
      />
      <SelectField
        label={t('users.unit')}
        value={draft.unitId}
        onValueChange={set('unitId')}
        options={unitChoices}
        error={fields.unitId}
      />
      {!user && (
        <TextField
          type="password"
          label={t('users.initialPassword')}
          value={draft.password}
          onValueChange={set('password')}
          error={fields.password}
          hint={t('password.hint')}
          autoComplete="new-password"
          required
        />
      )}
    </FormDialog>
  );
}
