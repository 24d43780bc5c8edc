// The approvals feature's requests and their cache keys. Every change of an application refreshes the
// ['credit-applications'] queries (the customer file's credit tab lists a customer's applications under
// the same prefix); the last approval grants the terms, so it refreshes the customer's credit account
// (['credit', customerId]) too.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type Schemas } from '@/api/client';
import type { paths } from '@/api/generated/schema';

export type Application = Schemas['CreditApplication'];
export type Decision = NonNullable<Application['decisions']>[number];
export type ApplicationChange = Schemas['CreditApplicationChange'];
export type ApplicationInput = Schemas['CreditApplicationInput'];
export type DecisionKind = Decision['decision'];
export type ReevaluationAnswer =
  paths['/jobs/reevaluation']['post']['responses']['200']['content']['application/json'];

export interface ApplicationListParams {
  customer_id?: number;
  status?: Application['status'];
  page: number;
  page_size: number;
}

export const keys = {
  all: ['credit-applications'] as const,
  list: (p: ApplicationListParams) => ['credit-applications', 'list', p] as const,
  proposals: (p: ApplicationListParams) => ['credit-applications', 'proposals', p] as const,
  application: (id: number) => ['credit-applications', 'application', id] as const,
  account: (customerId: number) => ['approvals', 'account', customerId] as const,
  credit: (customerId: number) => ['credit', customerId] as const,
};

export function useApplications(params: ApplicationListParams, enabled = true) {
  return useQuery({
    queryKey: keys.list(params),
    queryFn: () => data(api.GET('/credit-applications', { params: { query: params } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProposals(params: ApplicationListParams, enabled = true) {
  return useQuery({
    queryKey: keys.proposals(params),
    queryFn: () => data(api.GET('/credit-proposals', { params: { query: params } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function fetchApplication(id: number) {
  return data(api.GET('/credit-applications/{id}', { params: { path: { id } } }));
}

/** One application with its decisions and the step due next. */
export function useApplication(id: number) {
  return useQuery({
    queryKey: keys.application(id),
    queryFn: () => fetchApplication(id),
    enabled: Number.isFinite(id) && id > 0,
  });
}

/** The details of several applications (the list leaves out their next step and decisions). */
export function useApplicationDetails(ids: readonly number[]) {
  return useQueries({
    queries: ids.map((id) => ({ queryKey: keys.application(id), queryFn: () => fetchApplication(id) })),
  });
}

/** The customer's credit account: its currency and term are the application's defaults. */
export function useCreditAccount(customerId: number | undefined) {
  return useQuery({
    queryKey: keys.account(customerId ?? 0),
    queryFn: () => data(api.GET('/customers/{id}/credit', { params: { path: { id: customerId! } } })),
    enabled: !!customerId && customerId > 0,
    retry: false,
  });
}

/** Stores an application the server answered with and marks what it may have moved stale. */
function useStoreApplication() {
  const queryClient = useQueryClient();
  return (a: Application) => {
    queryClient.setQueryData<Application>(keys.application(a.id), a);
    void queryClient.invalidateQueries({ queryKey: ['credit-applications', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['credit-applications', 'proposals'] });
    if (a.status === 'approved') void queryClient.invalidateQueries({ queryKey: keys.credit(a.customer_id) });
  };
}

export function useSubmitApplication() {
  const store = useStoreApplication();
  return useMutation({
    mutationFn: (input: ApplicationInput) => data(api.POST('/credit-applications', { body: input })),
    onSuccess: store,
  });
}

export function useDecide(id: number) {
  const store = useStoreApplication();
  return useMutation({
    mutationFn: (body: { decision: DecisionKind; comment?: string }) =>
      data(api.POST('/credit-applications/{id}/decisions', { params: { path: { id } }, body })),
    onSuccess: store,
  });
}

export function useResubmit(id: number) {
  const store = useStoreApplication();
  return useMutation({
    mutationFn: (change: ApplicationChange) =>
      data(api.POST('/credit-applications/{id}/resubmit', { params: { path: { id } }, body: change })),
    onSuccess: store,
  });
}

/** Runs the re-evaluation as of a date (once per date); its proposals join the list. */
export function useRunReevaluation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (asOf: string) => data(api.POST('/jobs/reevaluation', { params: { query: { as_of: asOf } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.all });
      void queryClient.invalidateQueries({ queryKey: ['credit'] });
    },
  });
}
