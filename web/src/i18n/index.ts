/**
 * i18next setup. Chinese is the default; the user's choice lives in localStorage and goes
 * to the server as Accept-Language, so problem messages come back in the same language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { setRequestLanguage } from '../api/client';
import { commonMessages } from './locales/common';
import { enumMessages } from './locales/enums';
import { LANGUAGES, type Language, type Messages } from './types';

export { LANGUAGES, type Language } from './types';

const STORAGE_KEY = 'xq.lang';

function storedLanguage(): Language | undefined {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.find((l) => l === v);
  } catch {
    // Private mode or storage disabled: fall back to the default.
    return undefined;
  }
}

export function hasStoredLanguage(): boolean {
  return storedLanguage() !== undefined;
}

/** Maps whatever a server or browser says ("en-US", "zh") onto the two we ship. */
export function toLanguage(value: string | undefined | null): Language {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

function applySideEffects(lang: Language): void {
  setRequestLanguage(lang);
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
}

/**
 * Loads the shell's strings and every module's namespace. Modules hand their messages in
 * through the registry, so adding a module never edits this file.
 */
export function initI18n(moduleMessages: Record<string, Messages>): typeof i18n {
  const namespaces: Record<string, Messages> = { common: commonMessages, enums: enumMessages, ...moduleMessages };
  const resources = Object.fromEntries(
    LANGUAGES.map((lang) => [lang, Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, m[lang]]))]),
  );
  const lng = storedLanguage() ?? 'zh-CN';
  void i18n.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'zh-CN',
    defaultNS: 'common',
    ns: Object.keys(namespaces),
    // Resources are bundled, so initialise synchronously and render without Suspense.
    initAsync: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  applySideEffects(lng);
  return i18n;
}

export function currentLanguage(): Language {
  return toLanguage(i18n.language);
}

/** persist=false adopts a language (e.g. the account's) without making it the user's choice. */
export function setLanguage(lang: Language, persist = true): void {
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      /* storage unavailable: the choice lasts for this tab only */
    }
  }
  applySideEffects(lang);
  void i18n.changeLanguage(lang);
}

export default i18n;
