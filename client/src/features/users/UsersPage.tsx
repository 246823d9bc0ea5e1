import { useCallback, useMemo, useState } from 'react';
import { ROLES, type Role, type User } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { EmptyState, LoadState } from '../../ui/Alerts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectField, TextField } from '../../ui/Field';
import { useDebounced, useDocumentTitle, useResource } from '../../ui/hooks';
import { useToast } from '../../ui/Toasts';
import { loadUnits } from '../units/units-api';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserFormDialog } from './UserFormDialog';
import { usersApi } from './users-api';
import { UsersTable } from './UsersTable';

type OpenDialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: User }
  | { kind: 'toggle'; user: User }
  | { kind: 'reset'; user: User }
  | null;

export function UsersPage() {
  const t = useT();
  const toast = useToast();
  useDocumentTitle(t('users.title'));

  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const query = useDebounced(q, 300);
  const loadUsers = useCallback(
    (signal: AbortSignal) => usersApi.list({ q: query, role }, signal).then((r) => r.items),
    [query, role],
  );
  const users = useResource(loadUsers);
  const units = useResource(loadUnits);
  const unitName = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);

  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  const done = (message: string) => {
    close();
    toast(message);
    users.reload();
  };

  const roleFilter = [{ value: '', label: t('common.all') }, ...ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))];

  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('users.title')}</h1>
        <button type="button" className="button-primary" onClick={() => setDialog({ kind: 'create' })}>
          {t('users.add')}
        </button>
      </div>

      <form role="search" className="toolbar" onSubmit={(e) => e.preventDefault()}>
        <TextField type="search" label={t('users.search')} placeholder={t('users.searchHint')} value={q} onValueChange={setQ} />
        <SelectField
          label={t('users.filterRole')}
          value={role}
          onValueChange={(v) => setRole(ROLES.find((r) => r === v) ?? '')}
          options={roleFilter}
        />
      </form>

      <LoadState loading={users.loading} error={users.error} hasData={users.data !== undefined} onRetry={users.reload}>
        {users.data?.length === 0 ? (
          <EmptyState title={t('users.empty')} />
        ) : (
          <UsersTable
            users={users.data ?? []}
            unitName={unitName}
            onEdit={(user) => setDialog({ kind: 'edit', user })}
            onToggleActive={(user) => setDialog({ kind: 'toggle', user })}
            onResetPassword={(user) => setDialog({ kind: 'reset', user })}
          />
        )}
      </LoadState>

      {dialog?.kind === 'create' && (
        <UserFormDialog
          units={units.data ?? []}
          onClose={close}
          onSaved={(user) => done(t('users.created', { name: user.fullName }))}
        />
      )}
      {dialog?.kind === 'edit' && (
        <UserFormDialog
          user={dialog.user}
          units={units.data ?? []}
          onClose={close}
          onSaved={(user) => done(t('users.updated', { name: user.fullName }))}
        />
      )}
      {dialog?.kind === 'toggle' && <ToggleActiveDialog user={dialog.user} onClose={close} onDone={done} />}
      {dialog?.kind === 'reset' && (
        <ResetPasswordDialog
          user={dialog.user}
          onClose={close}
          onDone={() => done(t('users.resetDone', { name: dialog.user.fullName }))}
        />
      )}
    </section>
  );
}

function ToggleActiveDialog({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: (message: string) => void }) {
  const t = useT();
  const name = user.fullName;
  const activate = !user.active;
  return (
    <ConfirmDialog
      title={activate ? t('users.activateTitle') : t('users.deactivateTitle')}
      message={activate ? t('users.activateConfirm', { name }) : t('users.deactivateConfirm', { name })}
      confirmLabel={activate ? t('common.activate') : t('common.deactivate')}
      danger={!activate}
      onConfirm={async () => {
        await usersApi.update(user.id, { active: activate });
        onDone(activate ? t('users.activated', { name }) : t('users.deactivated', { name }));
      }}
      onClose={onClose}
    />
  );
}
