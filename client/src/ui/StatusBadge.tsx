import { useT } from '../i18n';

export function StatusBadge({ active }: { active: boolean }) {
  const t = useT();
  return (
    <span className={active ? 'badge badge-active' : 'badge badge-inactive'}>
      {active ? t('common.active') : t('common.inactive')}
    </span>
  );
}
