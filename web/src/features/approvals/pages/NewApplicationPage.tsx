// Applying for a customer's credit (for the customer in ?customer_id=, or one chosen here): salespeople
// and assistants, for customers they may change. The application then waits for the chain's first step.
import { App, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useRequestError } from '@/app/requestErrors';
import { useSubmitApplication } from '../api';
import { ApplicationForm, applicationChange, type ApplicationFormValues } from '../components/ApplicationForm';

export default function NewApplicationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useRequestError();
  const [search] = useSearchParams();
  const preset = Number(search.get('customer_id'));
  const customerId = Number.isInteger(preset) && preset > 0 ? preset : undefined;
  const submit = useSubmitApplication();
  const [form] = Form.useForm<ApplicationFormValues>();

  const send = (values: ApplicationFormValues) =>
    submit.mutate(
      { customer_id: values.customer_id!, ...applicationChange(values) },
      {
        onSuccess: (a) => {
          message.success(t('approvals.submitted', { id: a.id }));
          navigate(`/credit-applications/${a.id}`);
        },
        onError: (e) => onError(e, form),
      },
    );

  return (
    <>
      <Typography.Title level={3}>{t('approvals.new')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('approvals.new_explain')}</Typography.Paragraph>
      <ApplicationForm
        form={form}
        initialValues={{ customer_id: customerId }}
        submitting={submit.isPending}
        submitLabel={t('approvals.submit')}
        onSubmit={send}
        onCancel={() => navigate(customerId ? `/customers/${customerId}?tab=credit` : '/credit-applications')}
      />
    </>
  );
}
