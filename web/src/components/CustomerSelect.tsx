// Choosing a customer by typing part of its name, its code or a phone number (GET /customers?q=); a
// chosen id (from the address, an order or an application) shows the customer's name and code. Shared
// by the orders and approvals features.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '@/api/client';

const keys = {
  name: (id: number) => ['customer-select', 'name', id] as const,
  search: (q: string) => ['customer-select', 'search', q] as const,
};

/** A customer's name and code, to label a chosen id. */
function useCustomerName(id: number | undefined) {
  return useQuery({
    queryKey: keys.name(id ?? 0),
    queryFn: async () => {
      const c = await data(api.GET('/customers/{id}', { params: { path: { id: id! }, query: {} } }));
      return { id: c.id, name: c.name, code: c.code };
    },
    enabled: !!id && id > 0,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Customers matching a search, for choosing one. */
function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: keys.search(q),
    queryFn: () => data(api.GET('/customers', { params: { query: { q, page_size: 20 } } })),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

interface Props {
  value?: number | undefined;
  onChange?: (value: number | undefined) => void;
  id?: string;
  style?: CSSProperties;
  allowClear?: boolean;
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

export function CustomerSelect({ value, onChange, id, style, allowClear, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // Ask once the typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useCustomerSearch(q);
  const chosen = useCustomerName(value);

  const options = (found.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({
      value,
      label: chosen.data ? `${chosen.data.name} (${chosen.data.code})` : t('orders.customer_n', { id: value }),
    });

  return (
    <Select<number>
      id={id}
      showSearch
      allowClear={allowClear}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      onSearch={setTyped}
      filterOption={false}
      placeholder={placeholder ?? t('orders.customer_placeholder')}
      notFoundContent={q.length >= 2 && !found.isFetching ? t('orders.customer_none') : null}
      loading={found.isFetching}
      options={options}
      style={style}
      aria-label={rest['aria-label']}
      data-testid={rest['data-testid'] ?? 'customer-select'}
    />
  );
}
