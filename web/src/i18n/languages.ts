// The interface languages (SPEC OP-1) and how each maps to Intl, Ant Design and dayjs.
export const LANGUAGES = ['zh-CN', 'zh-TW', 'es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  es: 'Español',
  en: 'English',
};

/** The BCP 47 tag used for numbers, money and dates. */
export const INTL_LOCALE: Record<Language, string> = {
  'zh-CN': 'zh-CN',
  'zh-TW': 'zh-TW',
  es: 'es-ES',
  en: 'en-US',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The closest interface language to a browser language (zh-Hant, zh-HK → 繁體; es-MX → es). */
export function fromBrowser(tag: string | undefined): Language | null {
  if (!tag) return null;
  const t = tag.toLowerCase();
  if (t.startsWith('zh')) return /hant|tw|hk|mo/.test(t) ? 'zh-TW' : 'zh-CN';
  if (t.startsWith('es')) return 'es';
  if (t.startsWith('en')) return 'en';
  return null;
}

// A language chosen on the login page is the user's choice for this session: after logging in it is
// stored for the user rather than replaced by the one stored before.
const LOGIN_CHOICE_KEY = 'credo.language.login-choice';

export function rememberLoginChoice(language: Language): void {
  sessionStorage.setItem(LOGIN_CHOICE_KEY, language);
}

/** The language chosen on the login page, if any, forgotten once taken. */
export function takeLoginChoice(): Language | null {
  const chosen = sessionStorage.getItem(LOGIN_CHOICE_KEY);
  sessionStorage.removeItem(LOGIN_CHOICE_KEY);
  return isLanguage(chosen) ? chosen : null;
}
