import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, toLanguage, type Language } from '../../i18n';

/** Each language is named in itself, so anyone can find their own. */
const OPTIONS: { value: Language; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <div data-testid="lang-switch" title={t('header.language')}>
      <Segmented<Language> size="small" options={OPTIONS} value={toLanguage(i18n.language)} onChange={(lang) => setLanguage(lang)} />
    </div>
  );
}
