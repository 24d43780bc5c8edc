// The signed-in user's own account: the password, and API tokens for integrations (shown once).
import { CopyOutlined, DeleteOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '@/api/client';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';

function PasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useRequestError();
  const [form] = Form.useForm<Schemas['PasswordChange'] & { repeat: string }>();
  const change = useMutation({
    mutationFn: (body: Schemas['PasswordChange']) => data(api.POST('/auth/password', { body })),
    onSuccess: () => {
      form.resetFields();
      message.success(t('account.password_changed'));
    },
    onError: (e) => onError(e, form),
  });
  return (
    <Card title={t('account.password')} style={{ maxWidth: 520 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={({ current_password, new_password }) => change.mutate({ current_password, new_password })}
      >
        <Form.Item name="current_password" label={t('account.current_password')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="new_password"
          label={t('account.new_password')}
          rules={[{ required: true, min: 8, message: t('validation.min_chars', { count: 8 }) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('account.repeat_password')}
          dependencies={['new_password']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v === getFieldValue('new_password') ? Promise.resolve() : Promise.reject(new Error(t('account.passwords_differ'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('account.change_password')}
        </Button>
      </Form>
    </Card>
  );
}

function TokensCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const onError = useRequestError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Schemas['TokenInput']>();
  const [shown, setShown] = useState<Schemas['Token'] | null>(null);
  const tokens = useQuery({ queryKey: ['auth', 'tokens'], queryFn: () => data(api.GET('/auth/tokens')) });
  const create = useMutation({
    mutationFn: (body: Schemas['TokenInput']) => data(api.POST('/auth/tokens', { body })),
    onSuccess: (token) => {
      setShown(token);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['auth', 'tokens'] });
    },
    onError: (e) => onError(e, form),
  });
  const revoke = useMutation({
    mutationFn: (id: number) => data(api.DELETE('/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['auth', 'tokens'] }),
    onError: (e) => onError(e),
  });
  return (
    <Card title={t('account.tokens')}>
      <Typography.Paragraph type="secondary">{t('account.tokens_explain')}</Typography.Paragraph>
      {shown?.token && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('account.token_once')}
          description={
            <Space>
              <Typography.Text code data-testid="new-token">
                {shown.token}
              </Typography.Text>
              <Button
                size="small"
                icon={<CopyOutlined />}
                onClick={() => void navigator.clipboard?.writeText(shown.token ?? '').then(() => message.success(t('account.copied')))}
              />
            </Space>
          }
          closable
          onClose={() => setShown(null)}
        />
      )}
      <Form form={form} layout="inline" onFinish={(v) => create.mutate(v)} initialValues={{ expires_days: 90 }} style={{ marginBottom: 16 }}>
        <Form.Item name="name" rules={[{ required: true, message: t('validation.required') }]}>
          <Input prefix={<KeyOutlined />} placeholder={t('account.token_name')} maxLength={100} />
        </Form.Item>
        <Form.Item name="expires_days" label={t('account.expires_days')}>
          <InputNumber min={1} max={365} precision={0} />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
          {t('account.create_token')}
        </Button>
      </Form>
      <Table<Schemas['Token']>
        rowKey="id"
        size="small"
        loading={tokens.isPending}
        dataSource={tokens.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('account.token_name'), dataIndex: 'name' },
          { title: t('account.created_at'), dataIndex: 'created_at', render: (v: string) => formatDateTime(v, language) },
          { title: t('account.expires_at'), dataIndex: 'expires_at', render: (v: string) => formatDateTime(v, language) },
          {
            title: '',
            width: 60,
            render: (_: unknown, tok) => (
              <Popconfirm title={t('account.revoke_confirm', { name: tok.name })} onConfirm={() => revoke.mutate(tok.id)}>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('account.revoke')} />
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}

export default function AccountPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('account.title', { name: user?.display_name })}
      </Typography.Title>
      <PasswordCard />
      <TokensCard />
    </Space>
  );
}
