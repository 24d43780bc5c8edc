import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import LoginPage from './LoginPage';

beforeAll(() => initTestI18n());
beforeEach(() => localStorage.clear());

const user = { id: 1, username: 'admin', display_name: 'Admin', roles: ['admin'], region: null, language: null, active: true };

async function submit(username: string, password: string) {
  fireEvent.change(await screen.findByLabelText('Username'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /log in/i }));
}

describe('LoginPage', () => {
  it('says so when the credentials are wrong, and keeps no token', async () => {
    mockFetch({
      'POST /api/v1/auth/login': () => ({ status: 401, body: { error: { code: 'unauthenticated', message: 'wrong' } } }),
    });
    renderPage(<LoginPage />, { path: '/login', route: '/login' });
    await submit('admin', 'nope');
    expect(await screen.findByText('Wrong username or password.')).toBeInTheDocument();
    expect(localStorage.getItem('credo.token')).toBeNull();
  });

  it('asks for both fields before sending anything', async () => {
    const calls = mockFetch({});
    renderPage(<LoginPage />, { path: '/login', route: '/login' });
    fireEvent.click(await screen.findByRole('button', { name: /log in/i }));
    await waitFor(() => expect(screen.getAllByText('Required')).toHaveLength(2));
    expect(calls).toHaveLength(0);
  });

  it('stores the session and leaves the page on success', async () => {
    mockFetch({
      'POST /api/v1/auth/login': () => ({ status: 200, body: { token: 'tok', expires_at: '2026-11-23T00:00:00Z', user } }),
      'GET /api/v1/auth/me': () => ({ status: 200, body: user }),
    });
    renderPage(<LoginPage />, { path: '/login', route: '/login' });
    await submit('admin', 'credo-demo');
    await waitFor(() => expect(screen.getByTestId('elsewhere')).toBeInTheDocument());
    expect(localStorage.getItem('credo.token')).toBe('tok');
  });
});

describe('a language chosen on the login page', () => {
  it('is stored for the user instead of the one stored before', async () => {
    sessionStorage.setItem('credo.language.login-choice', 'es');
    const calls = mockFetch({
      'POST /api/v1/auth/login': () => ({
        status: 200,
        body: { token: 'tok', expires_at: '2026-11-23T00:00:00Z', user: { ...user, language: 'zh-CN' } },
      }),
      'PATCH /api/v1/auth/me': () => ({ status: 200, body: { ...user, language: 'es' } }),
    });
    renderPage(<LoginPage />, { path: '/login', route: '/login' });
    await submit('admin', 'credo-demo');
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(await patch.clone().json()).toEqual({ language: 'es' });
    expect(sessionStorage.getItem('credo.language.login-choice')).toBeNull();
  });
});
