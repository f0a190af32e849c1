import { useTranslation } from 'react-i18next';
import { setLanguage, toLanguage, type Language } from '../../i18n';

/** Each language is named in itself, so anyone can find their own. */
const OPTIONS: { value: Language; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

/** The shell's language switch without antd. */
export function LangSwitch() {
  const { i18n, t } = useTranslation();
  const current = toLanguage(i18n.language);
  return (
    <div className="lt-seg" role="group" aria-label={t('header.language')} data-testid="lang-switch">
      {OPTIONS.map((o) => (
        <button key={o.value} type="button" aria-pressed={o.value === current} onClick={() => setLanguage(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
