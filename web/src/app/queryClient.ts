import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, session } from '@/api/client';

// An expired or revoked session, noticed by any query, signs the user out (the router then shows the
// login page). Other query errors are shown where the data would have been.
export function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) {
          session.clear();
          client.setQueryData(['auth', 'me'], null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          count < 2 && error instanceof ApiError && (error.status === 0 || error.status === 503),
      },
      mutations: { retry: false },
    },
  });
  return client;
}
