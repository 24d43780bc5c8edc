// The collections feature's requests and their cache keys (AR-4, AR-1's write-off). Every change of a case
// refreshes the ['collection-cases'] queries; an approved write-off lowers the invoice's open amount and
// the customer's exposure, so deciding one refreshes the customer's credit account (['credit', id]) too.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type Schemas } from '@/api/client';
import type { paths } from '@/api/generated/schema';

export type CollectionCase = Schemas['CollectionCase'];
export type CaseSummary = Schemas['CollectionCaseSummary'];
export type CaseStage = Schemas['CaseStage'];
export type CaseOutcome = Schemas['CaseOutcome'];
export type CaseAction = Schemas['CaseAction'];
export type Promise = Schemas['PromiseToPay'];
export type WriteOff = Schemas['WriteOff'];
export type Reminder = Schemas['Reminder'];
export type RemindersAnswer = paths['/jobs/reminders']['post']['responses']['200']['content']['application/json'];

export interface CaseListParams {
  customer_id?: number;
  status?: 'open' | 'closed';
  stage?: CaseStage;
  mine?: 'true';
  page: number;
  page_size: number;
}

export interface WriteOffListParams {
  customer_id?: number;
  status?: WriteOff['status'];
  page: number;
  page_size: number;
}

export const keys = {
  all: ['collection-cases'] as const,
  list: (p: CaseListParams) => ['collection-cases', 'list', p] as const,
  case: (id: number) => ['collection-cases', 'case', id] as const,
  writeOffs: (p: WriteOffListParams) => ['collection-cases', 'write-offs', p] as const,
  reminders: (customerId: number) => ['collection-cases', 'reminders', customerId] as const,
  credit: (customerId: number) => ['credit', customerId] as const,
};

export function useCases(params: CaseListParams, enabled = true) {
  return useQuery({
    queryKey: keys.list(params),
    queryFn: () => data(api.GET('/collection-cases', { params: { query: params } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCase(id: number) {
  return useQuery({
    queryKey: keys.case(id),
    queryFn: () => data(api.GET('/collection-cases/{id}', { params: { path: { id } } })),
    enabled: Number.isFinite(id) && id > 0,
  });
}

export function useWriteOffs(params: WriteOffListParams, enabled = true) {
  return useQuery({
    queryKey: keys.writeOffs(params),
    queryFn: () => data(api.GET('/write-offs', { params: { query: params } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReminders(customerId: number) {
  return useQuery({
    queryKey: keys.reminders(customerId),
    queryFn: () => data(api.GET('/customers/{id}/reminders', { params: { path: { id: customerId } } })),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export function useOpenCase() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { customer_id: number; stage?: CaseStage; note?: string }) =>
      data(api.POST('/collection-cases', { body })),
    onSuccess: () => refresh(),
  });
}

export function useMoveStage(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { stage: CaseStage; reason?: string; day?: string }) =>
      data(api.POST('/collection-cases/{id}/stage', { params: { path: { id } }, body })),
    onSuccess: () => refresh(),
  });
}

export function useAddAction(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { kind: 'call' | 'visit' | 'letter' | 'email'; day?: string; note?: string }) =>
      data(api.POST('/collection-cases/{id}/actions', { params: { path: { id } }, body })),
    onSuccess: () => refresh(),
  });
}

export function useAddPromise(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { amount: string; promised_date: string; note?: string }) =>
      data(api.POST('/collection-cases/{id}/promises', { params: { path: { id } }, body })),
    onSuccess: () => refresh(),
  });
}

export function useCloseCase(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { outcome: CaseOutcome; note?: string }) =>
      data(api.POST('/collection-cases/{id}/close', { params: { path: { id } }, body })),
    onSuccess: () => refresh(),
  });
}

export function useRequestWriteOff() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { invoice_id: number; amount: string; reason: string; case_id?: number }) =>
      data(api.POST('/write-offs', { body })),
    onSuccess: () => refresh(),
  });
}

export function useDecideWriteOff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; decision: 'approve' | 'reject'; comment?: string }) =>
      data(api.POST('/write-offs/{id}/decisions', { params: { path: { id } }, body })),
    onSuccess: (w) => {
      void client.invalidateQueries({ queryKey: keys.all });
      void client.invalidateQueries({ queryKey: keys.credit(w.customer_id) });
    },
  });
}

export function useRunReminders() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (asOf: string) => data(api.POST('/jobs/reminders', { params: { query: { as_of: asOf } } })),
    onSuccess: () => refresh(),
  });
}
