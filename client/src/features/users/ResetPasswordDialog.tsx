import { useState } from 'react';
import type { User } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { TextField } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useFormError } from '../../ui/FormError';
import { useSubmit } from '../../ui/hooks';
import { usersApi } from './users-api';

interface ResetPasswordDialogProps {
  user: User;
  onClose: () => void;
  onDone: () => void;
}

/** An administrator sets a new password for someone who forgot theirs. */
export function ResetPasswordDialog({ user, onClose, onDone }: ResetPasswordDialogProps) {
  const t = useT();
  const [password, setPassword] = useState('');
  const { run, busy, error } = useSubmit(async () => {
    await usersApi.resetPassword(user.id, { newPassword: password });
    onDone();
  });
  const { fields, summary, details } = useFormError(error, ['newPassword']);
  return (
    <FormDialog
      title={t('users.resetTitle', { name: user.fullName })}
      busy={busy}
      error={{ summary, details, hasFieldErrors: Object.keys(fields).length > 0 }}
      onSubmit={() => void run()}
      onClose={onClose}
    >
      <TextField
        type="password"
        label={t('users.newPassword')}
        value={password}
        onValueChange={setPassword}
        error={fields.newPassword}
        hint={t('password.hint')}
        autoComplete="new-password"
        required
      />
    </FormDialog>
  );
}
