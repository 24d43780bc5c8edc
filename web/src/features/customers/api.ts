// The customers feature's requests and their cache keys. Every write answers with the whole file and
// its new version, which replaces the cached one, so that the next edit carries the right If-Match.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, api, data, etagVersion, rawFetch, type Schemas } from '@/api/client';
import type { paths } from '@/api/generated/schema';
import { saveResponse } from '@/lib/download';

export type Customer = Schemas['Customer'];
export type CustomerSummary = Schemas['CustomerSummary'];
export type CustomerInput = Schemas['CustomerInput'];
export type CustomerPatch = Schemas['CustomerPatch'];
export type ContactInput = Schemas['ContactInput'];
export type ContactPatch = Schemas['ContactPatch'];
export type FieldSpec = Schemas['CustomerFieldSpec'];
export type CustomerFields = Schemas['CustomerFields'];
export type ImportReport = Schemas['ImportReport'];
export type CreditAccount = Schemas['CreditAccount'];
export type CustomerOrder = Schemas['Order'];
export type Evaluation = Schemas['Evaluation'];
export type EvaluationFactors = Schemas['EvaluationFactors'];
export type CustomerApplication = Schemas['CreditApplication'];
export type Rating = Schemas['Rating'];
export type Insurance = Schemas['Insurance'];
export type Behaviour = Schemas['Behaviour'];
export type RatingInput = paths['/customers/{id}/ratings']['post']['requestBody']['content']['application/json'];
export type InsuranceInput = paths['/customers/{id}/insurance']['post']['requestBody']['content']['application/json'];

export interface ListParams {
  q?: string;
  region?: string;
  owner_id?: number;
  unassigned?: boolean;
  kind?: Schemas['CustomerKind'];
  lifecycle?: Schemas['Lifecycle'];
  importance?: Schemas['Importance'];
  nature?: Schemas['Nature'];
  grade?: 'I' | 'II' | 'III' | 'IV';
  tier?: 'A' | 'B' | 'C' | 'D';
  sort?: string;
  page?: number;
  page_size?: number;
}

export const keys = {
  all: ['customers'] as const,
  list: (p: ListParams) => ['customers', 'list', p] as const,
  file: (id: number, asOf?: string) => ['customers', 'file', id, asOf ?? 'now'] as const,
  history: (id: number) => ['customers', 'history', id] as const,
  activities: (id: number) => ['customers', 'activities', id] as const,
  // Shared prefixes: the orders feature refreshes ['credit', id] and ['orders', 'list'] when an order changes.
  credit: (id: number, asOf?: string) => ['credit', id, asOf ?? 'now'] as const,
  behaviour: (id: number, asOf?: string) => ['credit', id, 'behaviour', asOf ?? 'now'] as const,
  justifications: (id: number) => ['credit', id, 'justifications'] as const,
  orders: (id: number) => ['orders', 'list', { customer_id: id, page: 1, page_size: 10 }] as const,
  evaluations: (id: number) => ['customers', 'evaluations', id] as const,
  // Shared prefix: the approvals feature refreshes ['credit-applications', 'list'] when an application changes.
  applications: (id: number) => ['credit-applications', 'list', { customer_id: id, page: 1, page_size: 10 }] as const,
  fields: ['customer-fields'] as const,
  regions: ['regions'] as const,
};

export function useCustomerFields() {
  return useQuery({
    queryKey: keys.fields,
    queryFn: () => data(api.GET('/customer-fields')),
    staleTime: Infinity,
  });
}

export function useRegions() {
  return useQuery({
    queryKey: keys.regions,
    queryFn: () => data(api.GET('/regions')),
    staleTime: Infinity,
  });
}

export function useCustomerList(params: ListParams) {
  return useQuery({
    queryKey: keys.list(params),
    queryFn: () => data(api.GET('/customers', { params: { query: params as never } })),
    placeholderData: keepPreviousData,
  });
}

/** A file with the version to send back in If-Match. */
export interface LoadedFile {
  customer: Customer;
  version: number;
}

export function useCustomer(id: number, asOf?: string) {
  return useQuery({
    queryKey: keys.file(id, asOf),
    queryFn: async (): Promise<LoadedFile> => {
      const { body, response } = await answer(
        api.GET('/customers/{id}', { params: { path: { id }, query: asOf ? { as_of: asOf } : {} } }),
      );
      return { customer: body, version: etagVersion(response) ?? body.version };
    },
    enabled: Number.isFinite(id) && id > 0,
  });
}

export function useHistory(id: number) {
  return useQuery({
    queryKey: keys.history(id),
    queryFn: () => data(api.GET('/customers/{id}/history', { params: { path: { id } } })),
  });
}

export function useActivities(id: number) {
  return useQuery({
    queryKey: keys.activities(id),
    queryFn: () => data(api.GET('/customers/{id}/activities', { params: { path: { id } } })),
  });
}

/** Stores a file the server answered with as the current one and marks the lists stale. */
function useStoreFile() {
  const queryClient = useQueryClient();
  return (customer: Customer) => {
    queryClient.setQueryData<LoadedFile>(keys.file(customer.id), { customer, version: customer.version });
    void queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
    void queryClient.invalidateQueries({ queryKey: keys.history(customer.id) });
  };
}

export function useCreateCustomer() {
  const store = useStoreFile();
  return useMutation({
    mutationFn: (input: CustomerInput) => data(api.POST('/customers', { body: input })),
    onSuccess: store,
  });
}

export function useUpdateCustomer(id: number) {
  const store = useStoreFile();
  return useMutation({
    mutationFn: ({ patch, version }: { patch: CustomerPatch; version: number }) =>
      data(
        api.PATCH('/customers/{id}', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body: patch,
        }),
      ),
    onSuccess: store,
  });
}

export function useAddContact(id: number) {
  const store = useStoreFile();
  return useMutation({
    mutationFn: (input: ContactInput & { reason?: string }) =>
      data(api.POST('/customers/{id}/contacts', { params: { path: { id } }, body: input })),
    onSuccess: store,
  });
}

export function useUpdateContact(id: number) {
  const store = useStoreFile();
  return useMutation({
    mutationFn: ({ contactId, patch, version }: { contactId: number; patch: ContactPatch; version: number }) =>
      data(
        api.PATCH('/customers/{id}/contacts/{contact_id}', {
          params: { path: { id, contact_id: contactId }, header: { 'If-Match': `"${version}"` } },
          body: patch,
        }),
      ),
    onSuccess: store,
  });
}

export function useDeleteContact(id: number) {
  const store = useStoreFile();
  return useMutation({
    mutationFn: ({ contactId, version }: { contactId: number; version: number }) =>
      data(
        api.DELETE('/customers/{id}/contacts/{contact_id}', {
          params: { path: { id, contact_id: contactId }, header: { 'If-Match': `"${version}"` } },
        }),
      ),
    onSuccess: store,
  });
}

export function useAddActivity(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Schemas['ActivityInput']) =>
      data(api.POST('/customers/{id}/activities', { params: { path: { id } }, body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.activities(id) }),
  });
}

export function useCredit(id: number, asOf?: string) {
  return useQuery({
    queryKey: keys.credit(id, asOf),
    queryFn: () =>
      data(api.GET('/customers/{id}/credit', { params: { path: { id }, query: asOf ? { as_of: asOf } : {} } })),
  });
}

/** The payment behaviour of the twelve months before the day (default today), with the grade and score it gives. */
export function useBehaviour(id: number, asOf?: string) {
  return useQuery({
    queryKey: keys.behaviour(id, asOf),
    queryFn: () =>
      data(api.GET('/customers/{id}/credit/behaviour', { params: { path: { id }, query: asOf ? { as_of: asOf } : {} } })),
  });
}

/** The customer's latest orders (the credit tab shows them). */
export function useCustomerOrders(id: number) {
  return useQuery({
    queryKey: keys.orders(id),
    queryFn: () => data(api.GET('/orders', { params: { query: { customer_id: id, page: 1, page_size: 10 } } })),
  });
}

/** The customer's credit evaluations, newest first. */
export function useEvaluations(id: number) {
  return useQuery({
    queryKey: keys.evaluations(id),
    queryFn: () => data(api.GET('/customers/{id}/evaluations', { params: { path: { id } } })),
  });
}

/** Evaluates the customer on the eight factors; the server computes the score (and opens a credit account). */
export function useAddEvaluation(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { factors: EvaluationFactors; comments?: string }) =>
      data(api.POST('/customers/{id}/evaluations', { params: { path: { id } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.evaluations(id) });
      void queryClient.invalidateQueries({ queryKey: ['credit', id] });
    },
  });
}

export type Justification = Schemas['Justification'];

/** The justifications that set the re-evaluation's downgrade aside (AP-2), newest first. */
export function useJustifications(id: number) {
  return useQuery({
    queryKey: keys.justifications(id),
    queryFn: () => data(api.GET('/customers/{id}/credit/justifications', { params: { path: { id } } })),
  });
}

/** Records why the customer's late payments are normal, running from today to `valid_until`. */
export function useRecordJustification(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: string; valid_until: string }) =>
      data(api.POST('/customers/{id}/credit/justifications', { params: { path: { id } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.justifications(id) }),
  });
}

/** The customer's latest credit applications (the credit tab lists them). */
export function useCustomerApplications(id: number) {
  return useQuery({
    queryKey: keys.applications(id),
    queryFn: () =>
      data(api.GET('/credit-applications', { params: { query: { customer_id: id, page: 1, page_size: 10 } } })),
  });
}

export function useSetCreditHold(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { on_hold: boolean; reason: string }) =>
      data(api.POST('/customers/{id}/credit/hold', { params: { path: { id } }, body })),
    onSuccess: (account) => {
      queryClient.setQueryData(keys.credit(id), account);
      void queryClient.invalidateQueries({ queryKey: ['credit', id] });
    },
  });
}

export function useAddCreditException(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { amount: string; start: string; end: string; reason: string }) =>
      data(api.POST('/customers/{id}/credit/exceptions', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['credit', id] }),
  });
}

/** Records a third-party credit rating; the credit account shows it. */
export function useAddRating(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingInput) => data(api.POST('/customers/{id}/ratings', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['credit', id] }),
  });
}

/** Records a credit insurance policy; the credit account then splits the exposure into insured and uninsured. */
export function useAddInsurance(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InsuranceInput) =>
      data(api.POST('/customers/{id}/insurance', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['credit', id] }),
  });
}

export async function importCsv(
  file: Blob,
  mode: 'valid_rows' | 'all_or_nothing',
  dryRun: boolean,
): Promise<ImportReport> {
  const response = await rawFetch(`/imports/customers?mode=${mode}&dry_run=${dryRun}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: file,
  });
  return (await response.json()) as ImportReport;
}

/** Downloads the export of the files matching the list's filters. */
export async function downloadExport(format: 'csv' | 'xlsx', params: ListParams): Promise<void> {
  const query = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== '' && k !== 'page' && k !== 'page_size') query.set(k, String(v));
  const response = await rawFetch(`/exports/customers?${query.toString()}`);
  await saveResponse(response, `customers.${format}`);
}
