// i18next with one translation file per language (src/locales/<lang>/translation.json). English is
// bundled as the fallback; the others load when chosen. Ant Design's and dayjs's locales follow.
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en/translation.json';
import { fromBrowser, isLanguage, type Language } from './languages';

const LANGUAGE_KEY = 'credo.language';

const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ default: Record<string, unknown> }>> = {
  'zh-CN': () => import('../locales/zh-CN/translation.json'),
  'zh-TW': () => import('../locales/zh-TW/translation.json'),
  es: () => import('../locales/es/translation.json'),
};

const dayjsLocales: Record<Language, () => Promise<unknown>> = {
  'zh-CN': () => import('dayjs/esm/locale/zh-cn'),
  'zh-TW': () => import('dayjs/esm/locale/zh-tw'),
  es: () => import('dayjs/esm/locale/es'),
  en: () => Promise.resolve(),
};
const dayjsNames: Record<Language, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', es: 'es', en: 'en' };

/** The language to start with: the one chosen last on this browser, else the browser's, else 简体中文. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  if (isLanguage(stored)) return stored;
  return fromBrowser(navigator.language) ?? 'zh-CN';
}

export async function setLanguage(language: Language): Promise<void> {
  if (language !== 'en' && !i18n.hasResourceBundle(language, 'translation')) {
    const bundle = await loaders[language]();
    i18n.addResourceBundle(language, 'translation', bundle.default, true, true);
  }
  await dayjsLocales[language]();
  dayjs.locale(dayjsNames[language]);
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export async function initI18n(language: Language = initialLanguage()): Promise<typeof i18n> {
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await setLanguage(language);
  return i18n;
}

export default i18n;
