import { useMemo, useState } from 'react';
import { UNIT_KINDS, UnitKind, type Unit } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { SelectField, TextField } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useFormError } from '../../ui/FormError';
import { useSubmit } from '../../ui/hooks';
import { selfAndDescendants, unitOptions } from './unit-tree';
import { unitsApi } from './units-api';

interface UnitFormDialogProps {
  /** Absent: create a new unit. */
  unit?: Unit | undefined;
  units: readonly Unit[];
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}

const PLACED = ['code', 'name', 'kind', 'parentId'];

export function UnitFormDialog({ unit, units, onClose, onSaved }: UnitFormDialogProps) {
  const t = useT();
  const [code, setCode] = useState(unit?.code ?? '');
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<UnitKind>(unit?.kind ?? UnitKind.department);
  const [parentId, setParentId] = useState(unit?.parentId ?? '');

  const { run, busy, error } = useSubmit(async () => {
    const body = { code: code.trim(), name: name.trim(), kind, parentId: parentId || null };
    onSaved(unit ? await unitsApi.update(unit.id, body) : await unitsApi.create(body));
  });
  const { fields, summary, details } = useFormError(error, PLACED);

  // A unit cannot move under itself or one of its own sub-units.
  const parentChoices = useMemo(() => {
    const exclude = unit ? selfAndDescendants(units, unit.id) : undefined;
    const options = unitOptions(units, { keep: unit?.parentId ?? null, ...(exclude ? { exclude } : {}) });
    return [{ value: '', label: t('units.noParent') }, ...options];
  }, [units, unit, t]);

  return (
    <FormDialog
      title={unit ? t('units.editTitle', { name: unit.name }) : t('units.add')}
      busy={busy}
      error={{ summary, details, hasFieldErrors: Object.keys(fields).length > 0 }}
      onSubmit={() => void run()}
      onClose={onClose}
    >
      <TextField
        label={t('units.code')}
        value={code}
        onValueChange={setCode}
        error={fields.code}
        autoCapitalize="characters"
        spellCheck={false}
        required
      />
      <TextField label={t('units.name')} value={name} onValueChange={setName} error={fields.name} required />
      <SelectField
        label={t('units.kind')}
        value={kind}
        onValueChange={(v) => setKind(UNIT_KINDS.find((k) => k === v) ?? UnitKind.other)}
        options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
        error={fields.kind}
      />
      <SelectField
        label={t('units.parent')}
        value={parentId}
        onValueChange={setParentId}
        options={parentChoices}
        error={fields.parentId}
      />
    </FormDialog>
  );
}
