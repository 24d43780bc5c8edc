// Switches the interface language at once; for a signed-in user the choice is also stored on the
// server (PATCH /auth/me), so that it follows the user to any browser.
import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '@/api/client';
import { setLanguage } from '@/i18n';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, rememberLoginChoice, type Language } from '@/i18n/languages';
import { meKey, useAuth } from './auth';

/** Applies the language stored for the user when they sign in (or it changes on the server). */
export function useUserLanguage() {
  const { user } = useAuth();
  const { i18n } = useTranslation();
  const stored = user?.language;
  useEffect(() => {
    if (isLanguage(stored) && stored !== i18n.language) void setLanguage(stored);
    // Only a new stored value applies; a switch made here is stored before it could be undone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user?.id, stored]);
}

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  useUserLanguage();

  const choose = async (language: Language) => {
    await setLanguage(language);
    if (!user) {
      rememberLoginChoice(language);
      return;
    }
    try {
      const updated = await data(api.PATCH('/auth/me', { body: { language } }));
      queryClient.setQueryData(meKey, updated);
    } catch {
      // The language is applied on this browser either way; the server copy is a convenience.
    }
  };

  return (
    <Select<Language>
      aria-label={t('common.language')}
      data-testid="language-switch"
      value={isLanguage(i18n.language) ? i18n.language : 'en'}
      onChange={(l) => void choose(l)}
      suffixIcon={<GlobalOutlined />}
      style={{ width: 128 }}
      variant="borderless"
      options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
    />
  );
}
