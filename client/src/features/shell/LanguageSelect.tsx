import { useId } from 'react';
import { LOCALES } from '@e-cabinet/protocol';
import { errorText } from '../../api/errors';
import { translate, useLocale, useT } from '../../i18n';
import { useToast } from '../../ui/Toasts';
import { useAuth } from '../auth/auth-context';

/** The language switch, on the login page and in the header. */
export function LanguageSelect() {
  const t = useT();
  const locale = useLocale();
  const { changeLocale } = useAuth();
  const toast = useToast();
  const id = useId();

  const onChange = (value: string) => {
    const next = LOCALES.find((l) => l === value);
    if (!next) return;
    changeLocale(next).catch((err: unknown) => {
      toast(translate(next, 'lang.saveFailed', { message: errorText(err, next) }), 'error');
    });
  };

  return (
    <div className="lang-select">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select id={id} value={locale} onChange={(e) => onChange(e.target.value)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
