// Ant Design's own texts (pagination, date pickers, empty states) follow the interface language.
import { ConfigProvider, App as AntApp, theme } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '@/i18n/languages';

const loaders: Record<Language, () => Promise<{ default: Locale }>> = {
  'zh-CN': () => import('antd/es/locale/zh_CN'),
  'zh-TW': () => import('antd/es/locale/zh_TW'),
  es: () => import('antd/es/locale/es_ES'),
  en: () => Promise.resolve({ default: enUS }),
};

export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [locale, setLocale] = useState<Locale>(enUS);
  useEffect(() => {
    const language = isLanguage(i18n.language) ? i18n.language : 'en';
    let live = true;
    void loaders[language]().then((m) => live && setLocale(m.default));
    return () => {
      live = false;
    };
  }, [i18n.language]);
  return (
    <ConfigProvider
      locale={locale}
      theme={{ algorithm: theme.defaultAlgorithm, token: { colorPrimary: '#1f4e79', borderRadius: 6 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
