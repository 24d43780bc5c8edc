// Every language has every text, with the same placeholders: a missing key would show English (or a
// key) in the middle of a Chinese page.
import { describe, expect, it } from 'vitest';
import en from './en/translation.json';
import es from './es/translation.json';
import zhCN from './zh-CN/translation.json';
import zhTW from './zh-TW/translation.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const reference = flatten(en as Tree);

describe.each([
  ['zh-CN', zhCN],
  ['zh-TW', zhTW],
  ['es', es],
])('%s', (_, bundle) => {
  const texts = flatten(bundle as Tree);
  it('has exactly the English keys', () => {
    expect([...texts.keys()].sort()).toEqual([...reference.keys()].sort());
  });
  it('keeps every placeholder and leaves no text empty', () => {
    for (const [key, text] of reference) {
      expect(placeholders(texts.get(key) ?? ''), key).toEqual(placeholders(text));
      expect(texts.get(key)?.trim(), key).not.toBe('');
    }
  });
});
