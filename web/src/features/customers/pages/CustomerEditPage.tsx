// Editing a file sends only the changed fields, based on the version that was loaded. When someone
// else saved the file in between (409), the user sees their changes beside the current values and
// chooses: reload theirs, or apply their own changes on top of the new version.
import { App, Form, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api, answer, etagVersion } from '@/api/client';
import { conflictVersion } from '@/app/errors';
import { useRequestError } from '@/app/requestErrors';
import { PageSpinner } from '@/app/routes';
import { ErrorState } from '@/components/ErrorState';
import { keys, useCustomer, useCustomerFields, useUpdateCustomer, type Customer, type CustomerPatch, type LoadedFile } from '../api';
import { CustomerForm } from '../components/CustomerForm';
import { formatValue } from '../components/FieldValue';
import { diffPatch, fromFormValues, storedValues, toFormValues } from '../formValues';
import { useLabels } from '../labels';
import { useLanguage } from '@/lib/useLanguage';

export default function CustomerEditPage() {
  const id = Number(useParams().id);
  const file = useCustomer(id);
  const fields = useCustomerFields();
  if (file.isError) return <ErrorState error={file.error} onRetry={() => void file.refetch()} />;
  if (fields.isError) return <ErrorState error={fields.error} />;
  if (!file.data || !fields.data) return <PageSpinner />;
  return <Editor key={id} loaded={file.data} catalog={fields.data} />;
}

function Editor({ loaded, catalog }: { loaded: LoadedFile; catalog: NonNullable<ReturnType<typeof useCustomerFields>['data']> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useLabels();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const onError = useRequestError();
  const [form] = Form.useForm();
  // The file as it was when editing began: what the changes are measured against.
  const [base, setBase] = useState<{ customer: Customer; version: number }>(loaded);
  const initialValues = useMemo(() => toFormValues(loaded.customer, catalog.fields), [loaded, catalog]);
  const update = useUpdateCustomer(loaded.customer.id);

  const send = (patch: CustomerPatch, version: number) =>
    update.mutate(
      { patch, version },
      {
        onSuccess: (saved) => {
          message.success(t('customer.saved', { version: saved.version }));
          navigate(`/customers/${saved.id}`);
        },
        onError: (e) => {
          const current = conflictVersion(e);
          if (current !== null) void showConflict(patch);
          else onError(e, form);
        },
      },
    );

  const showConflict = async (patch: CustomerPatch) => {
    let latest: { customer: Customer; version: number };
    try {
      const { body, response } = await answer(api.GET('/customers/{id}', { params: { path: { id: base.customer.id } } }));
      latest = { customer: body, version: etagVersion(response) ?? body.version };
    } catch (e) {
      onError(e);
      return;
    }
    queryClient.setQueryData(keys.file(latest.customer.id), latest);
    const specs = new Map(catalog.fields.map((f) => [f.key, f]));
    const rows = Object.entries(patch)
      .filter(([k]) => k !== 'reason')
      .map(([k, mine]) => ({
        key: k,
        field: specs.has(k) ? labels.field(k) : t(`customer.${k}`, { defaultValue: k }),
        mine: formatValue(specs.get(k), k, mine, language, labels),
        theirs: formatValue(specs.get(k), k, (latest.customer as Record<string, unknown>)[k], language, labels),
      }));
    modal.confirm({
      width: 640,
      title: t('conflict.title', { version: latest.version }),
      content: (
        <>
          <Typography.Paragraph>{t('conflict.explain')}</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={rows}
            columns={[
              { title: t('conflict.field'), dataIndex: 'field' },
              { title: t('conflict.mine'), dataIndex: 'mine' },
              { title: t('conflict.theirs'), dataIndex: 'theirs' },
            ]}
          />
        </>
      ),
      okText: t('conflict.apply_mine'),
      cancelText: t('conflict.reload'),
      onOk: () => {
        setBase(latest);
        send(patch, latest.version);
      },
      onCancel: () => navigate(`/customers/${latest.customer.id}`),
    });
  };

  const submit = (values: Record<string, unknown>) => {
    const patch = diffPatch(storedValues(base.customer, catalog.fields), fromFormValues(values, catalog.fields)) as CustomerPatch;
    if (Object.keys(patch).length === 0) {
      message.info(t('customer.nothing_changed'));
      return;
    }
    const reason = (values.reason as string | undefined)?.trim();
    if (reason) patch.reason = reason;
    send(patch, base.version);
  };

  return (
    <>
      <Typography.Title level={3}>
        {t('customer.edit_title', { name: loaded.customer.name })}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 14 }}>
          {loaded.customer.code} · {t('customer.version_n', { version: base.version })}
        </Typography.Text>
      </Typography.Title>
      <CustomerForm
        form={form}
        fields={catalog}
        initialValues={initialValues}
        withContacts={false}
        hidden={base.customer.hidden}
        submitting={update.isPending}
        submitLabel={t('common.save')}
        onSubmit={submit}
        onCancel={() => navigate(`/customers/${loaded.customer.id}`)}
      />
    </>
  );
}
