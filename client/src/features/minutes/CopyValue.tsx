import { useT } from '../../i18n';
import { useToast } from '../../ui/Toasts';
import { shortHash } from './minutes-logic';

/** A long hex value shown shortened (full in the tooltip) with a button copying all of it. */
export function CopyValue({ value, label }: { value: string; label: string }) {
  const t = useT();
  const toast = useToast();
  const copy = async () => {
    try {
      // Missing outside a secure context (plain http on a LAN): that throws too.
      await navigator.clipboard.writeText(value);
      toast(t('minutes.copied'));
    } catch {
      toast(t('minutes.copyFailed'), 'error');
    }
  };
  return (
    <span className="copy-value">
      <code title={value}>{shortHash(value)}</code>
      <button type="button" className="copy-button" onClick={() => void copy()} aria-label={t('minutes.copyLabel', { label })}>
        {t('minutes.copy')}
      </button>
    </span>
  );
}
