import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '@/locales/en/translation.json';
import es from '@/locales/es/translation.json';
import zhCN from '@/locales/zh-CN/translation.json';
import { FEATURES } from './api';
import { describeCluster, traitKey } from './profile';

beforeAll(() =>
  i18n.init({
    resources: { en: { translation: en }, es: { translation: es }, 'zh-CN': { translation: zhCN } },
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  }),
);

describe('describeCluster', () => {
  const large = { feature: 'purchases' as const, direction: 'high' as const, z: 1.4 };
  const onTime = { feature: 'on_time_ratio' as const, direction: 'high' as const, z: 0.9 };

  it.each([
    ['en', 'Large buyers, pay on time'],
    ['es', 'Grandes compradores, pagan a tiempo'],
    ['zh-CN', '采购量大、按期付款'],
  ])('joins the traits, strongest first, in %s', async (lng, sentence) => {
    await i18n.changeLanguage(lng);
    expect(describeCluster([large, onTime], i18n.t)).toBe(sentence);
  });

  it('says when a cluster is close to the average', async () => {
    await i18n.changeLanguage('en');
    expect(describeCluster([], i18n.t)).toBe('Close to the average in everything');
  });

  it('has a phrase for both directions of every feature', async () => {
    await i18n.changeLanguage('en');
    for (const feature of FEATURES)
      for (const direction of ['high', 'low'] as const) {
        const key = traitKey({ feature, direction });
        expect(i18n.exists(key), key).toBe(true);
      }
  });
});
