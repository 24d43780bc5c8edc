// The one HTTP client of the application: generated from docs/api/openapi.yaml (src/api/generated/,
// never edited by hand), with the session token added to every request. `data()` turns an answer into
// its body or throws an ApiError, so that every failure reaches the one request-error handler.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/schema';

export type Schemas = components['schemas'];

const TOKEN_KEY = 'credo.token';

export const session = {
  token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  set(token: string): void {
    localStorage.setItem(TOKEN_KEY, token);
  },
  clear(): void {
    localStorage.removeItem(TOKEN_KEY);
  },
};

/** A failed request: the API's error (SPEC §12) or, with status 0, a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

// The base is absolute (some runtimes refuse relative request URLs), and fetch is looked up per request.
export const api = createClient<paths>({
  baseUrl: new URL('/api/v1', window.location.href).href,
  fetch: (request: Request) => globalThis.fetch(request),
});
api.use(auth);

type Answer<T> = { data?: T; error?: unknown; response: Response };

export function toApiError(error: unknown, response: Response): ApiError {
  const body = (error ?? {}) as { error?: Partial<Schemas['Error']['error']> };
  const e = body.error;
  if (e && typeof e.code === 'string')
    return new ApiError(response.status, e.code, e.message ?? e.code, e.fields ?? {}, e.details ?? {});
  return new ApiError(response.status, response.status >= 500 ? 'internal' : 'unknown', response.statusText);
}

/** The body and response of a successful answer; throws ApiError otherwise (network failures included). */
export async function answer<T>(request: Promise<Answer<T>>): Promise<{ body: T; response: Response }> {
  let a: Answer<T>;
  try {
    a = await request;
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (a.error !== undefined || !a.response.ok) throw toApiError(a.error, a.response);
  return { body: a.data as T, response: a.response };
}

/** The body of a successful answer; throws ApiError otherwise. */
export async function data<T>(request: Promise<Answer<T>>): Promise<T> {
  return (await answer(request)).body;
}

/** The version in an ETag (`"7"`), for If-Match. */
export function etagVersion(response: Response): number | null {
  const tag = response.headers.get('ETag');
  if (!tag) return null;
  const n = Number(tag.replace(/^W\//, '').replaceAll('"', ''));
  return Number.isFinite(n) ? n : null;
}

/** Raw requests the generated client does not cover (CSV upload, file download). */
export async function rawFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = session.token();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { ...init, headers });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (!response.ok) {
    let body: unknown = undefined;
    try {
      body = await response.json();
    } catch {
      /* not JSON */
    }
    throw toApiError(body, response);
  }
  return response;
}
