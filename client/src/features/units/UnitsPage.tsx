import { useMemo, useState } from 'react';
import type { Unit } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { EmptyState, LoadState } from '../../ui/Alerts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDocumentTitle, useResource } from '../../ui/hooks';
import { useToast } from '../../ui/Toasts';
import { UnitFormDialog } from './UnitFormDialog';
import { unitTreeRows } from './unit-tree';
import { loadUnits, unitsApi } from './units-api';
import { UnitsTable } from './UnitsTable';

type OpenDialog = { kind: 'create' } | { kind: 'edit'; unit: Unit } | { kind: 'toggle'; unit: Unit } | null;

export function UnitsPage() {
  const t = useT();
  const toast = useToast();
  useDocumentTitle(t('units.title'));

  const units = useResource(loadUnits);
  const all = useMemo(() => units.data ?? [], [units.data]);
  const rows = useMemo(() => unitTreeRows(all), [all]);
  const unitName = useMemo(() => new Map(all.map((u) => [u.id, u.name])), [all]);

  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  const done = (message: string) => {
    close();
    toast(message);
    units.reload();
  };

  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('units.title')}</h1>
        <button type="button" className="button-primary" onClick={() => setDialog({ kind: 'create' })}>
          {t('units.add')}
        </button>
      </div>

      <LoadState loading={units.loading} error={units.error} hasData={units.data !== undefined} onRetry={units.reload}>
        {rows.length === 0 ? (
          <EmptyState title={t('units.empty')} />
        ) : (
          <UnitsTable
            rows={rows}
            unitName={unitName}
            onEdit={(unit) => setDialog({ kind: 'edit', unit })}
            onToggleActive={(unit) => setDialog({ kind: 'toggle', unit })}
          />
        )}
      </LoadState>

      {dialog?.kind === 'create' && (
        <UnitFormDialog units={all} onClose={close} onSaved={(u) => done(t('units.created', { name: u.name }))} />
      )}
      {dialog?.kind === 'edit' && (
        <UnitFormDialog
          unit={dialog.unit}
          units={all}
          onClose={close}
          onSaved={(u) => done(t('units.updated', { name: u.name }))}
        />
      )}
      {dialog?.kind === 'toggle' && <ToggleUnitDialog unit={dialog.unit} onClose={close} onDone={done} />}
    </section>
  );
}

function ToggleUnitDialog({ unit, onClose, onDone }: { unit: Unit; onClose: () => void; onDone: (message: string) => void }) {
  const t = useT();
  const name = unit.name;
  const activate = !unit.active;
  return (
    <ConfirmDialog
      title={activate ? t('units.activateTitle') : t('units.deactivateTitle')}
      message={activate ? t('units.activateConfirm', { name }) : t('units.deactivateConfirm', { name })}
      confirmLabel={activate ? t('common.activate') : t('common.deactivate')}
      danger={!activate}
      onConfirm={async () => {
        await unitsApi.update(unit.id, { active: activate });
        onDone(activate ? t('units.activated', { name }) : t('units.deactivated', { name }));
      }}
      onClose={onClose}
    />
  );
}
