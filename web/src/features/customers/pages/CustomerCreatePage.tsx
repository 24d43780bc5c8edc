import { App, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useRequestError } from '@/app/requestErrors';
import { PageSpinner } from '@/app/routes';
import { ErrorState } from '@/components/ErrorState';
import { useCreateCustomer, useCustomerFields, type CustomerInput } from '../api';
import { CustomerForm } from '../components/CustomerForm';
import { fromFormValues } from '../formValues';

interface ContactValues {
  name?: string;
  title?: string;
  phones?: string[];
  email?: string;
  primary?: boolean;
}

export default function CustomerCreatePage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const onError = useRequestError();
  const fields = useCustomerFields();
  const create = useCreateCustomer();
  const [form] = Form.useForm();

  if (fields.isError) return <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />;
  if (!fields.data) return <PageSpinner />;
  const catalog = fields.data;

  const submit = (values: Record<string, unknown>) => {
    const input = fromFormValues(values, catalog.fields) as unknown as CustomerInput;
    const contacts = ((values.contacts as ContactValues[] | undefined) ?? [])
      .filter((c) => c.name?.trim())
      .map((c) => ({
        name: c.name!.trim(),
        ...(c.title?.trim() ? { title: c.title.trim() } : {}),
        ...(c.phones?.length ? { phones: c.phones } : {}),
        ...(c.email?.trim() ? { email: c.email.trim() } : {}),
        primary: !!c.primary,
      }));
    if (contacts.length > 0) input.contacts = contacts;
    const reason = (values.reason as string | undefined)?.trim();
    if (reason) input.reason = reason;
    create.mutate(input, {
      onSuccess: (created) => {
        navigate(`/customers/${created.id}`);
        const warnings = created.warnings;
        if (warnings?.length)
          modal.warning({
            title: t('customers.duplicates_title'),
            content: (
              <ul>
                {warnings.map((w, i) => (
                  <li key={`${w.field}-${i}`}>
                    {t(`customers.duplicate_by.${w.field}`)}:{' '}
                    {w.match ? (
                      <Link to={`/customers/${w.match.id}`}>
                        {w.match.code} {w.match.name}
                      </Link>
                    ) : (
                      t('customers.duplicate_hidden')
                    )}
                  </li>
                ))}
              </ul>
            ),
          });
      },
      onError: (e) => onError(e, form),
    });
  };

  return (
    <>
      <Typography.Title level={3}>{t('customers.new')}</Typography.Title>
      <CustomerForm
        form={form}
        fields={catalog}
        initialValues={{ kind: 'enterprise', nature: 'ordinary', importance: 'general', lifecycle: 'prospect', contacts: [] }}
        withContacts
        submitting={create.isPending}
        submitLabel={t('common.create')}
        onSubmit={submit}
        onCancel={() => navigate('/customers')}
      />
    </>
  );
}
