// Renders a page as the application does (providers, English texts, a router at `path`), for
// component tests. fetch is the test's to mock.
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import i18n from 'i18next';
import type { ReactElement } from 'react';
import { initReactI18next } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from '@/app/auth';
import { LocaleProvider } from '@/app/LocaleProvider';
import { makeQueryClient } from '@/app/queryClient';
import en from '@/locales/en/translation.json';

let ready: Promise<unknown> | null = null;
export function initTestI18n() {
  ready ??= i18n.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return ready;
}

export function renderPage(element: ReactElement, { path = '/', route = '/' }: { path?: string; route?: string } = {}) {
  const client = makeQueryClient();
  return render(
    <QueryClientProvider client={client}>
      <LocaleProvider>
        <AuthProvider>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path={route} element={element} />
              <Route path="*" element={<div data-testid="elsewhere" />} />
            </Routes>
          </MemoryRouter>
        </AuthProvider>
      </LocaleProvider>
    </QueryClientProvider>,
  );
}

/** A fetch that answers JSON by method and path, and records the requests. */
export function mockFetch(answers: Record<string, (req: Request) => { status: number; body?: unknown }>) {
  const calls: Request[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
    calls.push(req);
    const key = `${req.method} ${new URL(req.url).pathname}`;
    const answer = answers[key]?.(req) ?? { status: 404, body: { error: { code: 'not_found', message: key } } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  globalThis.fetch = fn as typeof fetch;
  return calls;
}
