// The orders feature's requests and their cache keys. Every change of an order refreshes the ['orders']
// queries (the customer file's credit tab lists them under the same prefix) and the customer's credit
// account (['credit', customerId]), whose exposure it moves.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, api, data, etagVersion, type Schemas } from '@/api/client';
import type { paths } from '@/api/generated/schema';

export type Order = Schemas['Order'];
export type OrderInput = Schemas['OrderInput'];
export type OrderAmendment = Schemas['OrderAmendment'];
export type CreditCheck = Schemas['CreditCheck'];
export type OrderLine = NonNullable<Order['lines']>[number];
export type Invoice = Schemas['Invoice'];
export type Payment = Schemas['Payment'];

export interface OrderListParams {
  customer_id?: number;
  status?: Schemas['OrderStatus'];
  page: number;
  page_size: number;
}

export const keys = {
  all: ['orders'] as const,
  list: (p: OrderListParams) => ['orders', 'list', p] as const,
  order: (id: number) => ['orders', 'order', id] as const,
  credit: (customerId: number) => ['credit', customerId] as const,
};

export function useOrders(params: OrderListParams) {
  return useQuery({
    queryKey: keys.list(params),
    queryFn: () => data(api.GET('/orders', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

/** An order with the version to send back in If-Match. */
export interface LoadedOrder {
  order: Order;
  version: number;
}

export function useOrder(id: number) {
  return useQuery({
    queryKey: keys.order(id),
    queryFn: async (): Promise<LoadedOrder> => {
      const { body, response } = await answer(api.GET('/orders/{id}', { params: { path: { id } } }));
      return { order: body, version: etagVersion(response) ?? body.version };
    },
    enabled: Number.isFinite(id) && id > 0,
  });
}

/** The customer's credit account: its currency is the order's default. */
export function useCreditAccount(customerId: number | undefined) {
  return useQuery({
    queryKey: keys.credit(customerId ?? 0),
    queryFn: () => data(api.GET('/customers/{id}/credit', { params: { path: { id: customerId! } } })),
    enabled: !!customerId && customerId > 0,
    retry: false,
  });
}

/** Stores an order the server answered with and marks what it moved stale. */
function useStoreOrder() {
  const queryClient = useQueryClient();
  return (order: Order) => {
    queryClient.setQueryData<LoadedOrder>(keys.order(order.id), { order, version: order.version });
    void queryClient.invalidateQueries({ queryKey: ['orders', 'list'] });
    void queryClient.invalidateQueries({ queryKey: keys.credit(order.customer_id) });
  };
}

export function usePlaceOrder() {
  const store = useStoreOrder();
  return useMutation({
    mutationFn: (input: OrderInput) => data(api.POST('/orders', { body: input })),
    onSuccess: store,
  });
}

export function useAmendOrder(id: number) {
  const store = useStoreOrder();
  return useMutation({
    mutationFn: ({ amendment, version }: { amendment: OrderAmendment; version: number }) =>
      data(
        api.PATCH('/orders/{id}', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body: amendment,
        }),
      ),
    onSuccess: store,
  });
}

export function useCopyOrder() {
  const store = useStoreOrder();
  return useMutation({
    mutationFn: (id: number) => data(api.POST('/orders/{id}/copy', { params: { path: { id } } })),
    onSuccess: store,
  });
}

export function useReleaseOrder(id: number) {
  const store = useStoreOrder();
  return useMutation({
    mutationFn: (reason: string) => data(api.POST('/orders/{id}/release', { params: { path: { id } }, body: { reason } })),
    onSuccess: store,
  });
}

export function useCancelOrder(id: number) {
  const store = useStoreOrder();
  return useMutation({
    mutationFn: (reason: string) => data(api.POST('/orders/{id}/cancel', { params: { path: { id } }, body: { reason } })),
    onSuccess: store,
  });
}

/** Invoices the whole order: its reservation becomes a receivable and the order is invoiced. */
export function useInvoiceOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (order: Order) => data(api.POST('/invoices', { body: { order_id: order.id } })),
    onSuccess: (_, order) => {
      void queryClient.invalidateQueries({ queryKey: keys.all });
      void queryClient.invalidateQueries({ queryKey: keys.credit(order.customer_id) });
    },
  });
}

export type PaymentInput = paths['/payments']['post']['requestBody']['content']['application/json'];

/** A payment of the customer, allocated by the server to its oldest open invoices of the currency. */
export function useRecordPayment(customerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PaymentInput) => data(api.POST('/payments', { body: input })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.credit(customerId) }),
  });
}
