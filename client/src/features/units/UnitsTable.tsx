import type { Unit } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { StatusBadge } from '../../ui/StatusBadge';
import type { UnitRow } from './unit-tree';

interface UnitsTableProps {
  rows: readonly UnitRow[];
  unitName: ReadonlyMap<string, string>;
  onEdit: (unit: Unit) => void;
  onToggleActive: (unit: Unit) => void;
}

/** Units in tree order; the name is indented by depth so the hierarchy reads at a glance. */
export function UnitsTable({ rows, unitName, onEdit, onToggleActive }: UnitsTableProps) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('units.code')}</th>
            <th scope="col">{t('units.name')}</th>
            <th scope="col">{t('units.kind')}</th>
            <th scope="col">{t('units.parent')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ unit, depth }) => (
            <tr key={unit.id} className={unit.active ? undefined : 'row-inactive'}>
              <td className="cell-mono">{unit.code}</td>
              <th scope="row" className="cell-tree" style={{ paddingInlineStart: `${0.75 + depth * 1.5}rem` }}>
                {depth > 0 && (
                  <span className="tree-mark" aria-hidden="true">
                    └{' '}
                  </span>
                )}
                {unit.name}
              </th>
              <td>{t(`unitKind.${unit.kind}`)}</td>
              <td>{(unit.parentId && unitName.get(unit.parentId)) || '—'}</td>
              <td>
                <StatusBadge active={unit.active} />
              </td>
              <td>
                <div className="row-actions">
                  <button type="button" onClick={() => onEdit(unit)}>
                    {t('common.edit')}
                  </button>
                  <button type="button" onClick={() => onToggleActive(unit)}>
                    {unit.active ? t('common.deactivate') : t('common.activate')}
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
