/**
 * i18next setup. Chinese is the default; the user's choice lives in localStorage and goes
 * to the server as Accept-Language, so problem messages come back in the same language.
 */
import i18n, { type BackendModule } from 'i18next';
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
 * A module whose messages are a loader gets its namespace fetched with its first page, card
 * or menu label (react-i18next suspends that component meanwhile). One chunk holds both
 * languages, so a language switch costs no further download.
 */
function lazyNamespaces(loaders: Record<string, () => Promise<Messages>>): BackendModule {
  return {
    type: 'backend',
    init: () => undefined,
    read(lng, ns, callback) {
      const load = loaders[ns];
      if (!load) return callback(null, {});
      load().then(
        (m) => callback(null, m[toLanguage(lng)]),
        // A failed chunk (offline, new deploy): i18next retries, and the page's error boundary takes over.
        (err: Error) => callback(err, false),
      );
    },
  };
}

/**
 * Loads the shell's strings and the bundled module namespaces; the others load on first use.
 * Modules hand their messages in through the registry, so adding a module never edits this file.
 */
export function initI18n(moduleMessages: Record<string, Messages>, moduleLoaders: Record<string, () => Promise<Messages>> = {}): typeof i18n {
  const namespaces: Record<string, Messages> = { common: commonMessages, enums: enumMessages, ...moduleMessages };
  const resources = Object.fromEntries(LANGUAGES.map((lang) => [lang, Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, m[lang]]))]));
  const lng = storedLanguage() ?? 'zh-CN';
  void i18n
    .use(initReactI18next)
    .use(lazyNamespaces(moduleLoaders))
    .init({
      resources,
      // Bundled namespaces are complete; the backend is asked only for the lazy ones.
      partialBundledLanguages: true,
      lng,
      fallbackLng: 'zh-CN',
      defaultNS: 'common',
      ns: Object.keys(namespaces),
      // Bundled resources initialise synchronously, so the first render needs no Suspense.
      initAsync: false,
      interpolation: { escapeValue: false },
      // A component reading a namespace not loaded yet waits in its Suspense boundary (every
      // page, card, menu and header widget has one) instead of painting raw keys.
      react: { useSuspense: true },
    });
  applySideEffects(lng);
  return i18n;
}

/** Starts loading a module's namespace before its page asks, so strings and page code travel together. */
export function preloadNamespace(ns: string): void {
  if (!i18n.hasLoadedNamespace(ns)) void i18n.loadNamespaces(ns);
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
