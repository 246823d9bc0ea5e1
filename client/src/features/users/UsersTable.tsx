import type { User } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { StatusBadge } from '../../ui/StatusBadge';

interface UsersTableProps {
  users: readonly User[];
  unitName: ReadonlyMap<string, string>;
  onEdit: (user: User) => void;
  onToggleActive: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function UsersTable({ users, unitName, onEdit, onToggleActive, onResetPassword }: UsersTableProps) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t('users.count', { count: users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.fullName')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.unit')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? undefined : 'row-inactive'}>
              <th scope="row" className="cell-mono">
                {user.username}
              </th>
              <td>
                {user.fullName}
                {user.title && <span className="cell-sub">{user.title}</span>}
              </td>
              <td>{t(`role.${user.role}`)}</td>
              <td>{(user.unitId && unitName.get(user.unitId)) || '—'}</td>
              <td>
                <StatusBadge active={user.active} />
              </td>
              <td>
                <div className="row-actions">
                  <button type="button" onClick={() => onEdit(user)}>
                    {t('common.edit')}
                  </button>
                  <button type="button" onClick={() => onToggleActive(user)}>
                    {user.active ? t('common.deactivate') : t('common.activate')}
                  </button>
                  <button type="button" onClick={() => onResetPassword(user)}>
                    {t('users.resetPassword')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
