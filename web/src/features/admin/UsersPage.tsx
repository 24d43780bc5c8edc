// Users and their roles (admin): the list, and a form to add a user.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '@/api/client';
import { ALL_ROLES } from '@/app/access';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import { LANGUAGE_NAMES, LANGUAGES } from '@/i18n/languages';


export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useRequestError();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => data(api.GET('/users')) });
  const regions = useQuery({ queryKey: ['regions'], queryFn: () => data(api.GET('/regions')), staleTime: Infinity });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Schemas['UserInput']>();
  const create = useMutation({
    mutationFn: (input: Schemas['UserInput']) => data(api.POST('/users', { body: input })),
    onSuccess: (u) => {
      message.success(t('users.created', { name: u.username }));
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => onError(e, form),
  });
  const regionName = (code: string | null | undefined) =>
    code ? t(`regions.${code}`, { defaultValue: regions.data?.items.find((r) => r.code === code)?.name ?? code }) : '—';

  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.users')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t('users.add')}
        </Button>
      </Flex>
      <Table<Schemas['User']>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('auth.username'), dataIndex: 'username' },
          { title: t('users.display_name'), dataIndex: 'display_name' },
          {
            title: t('users.roles'),
            dataIndex: 'roles',
            render: (roles: string[]) => roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>),
          },
          { title: t('customer.region'), dataIndex: 'region', render: regionName },
          {
            title: t('users.active'),
            dataIndex: 'active',
            render: (a: boolean) => (a ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('users.add')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="display_name" label={t('users.display_name')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, min: 8, message: t('validation.min_chars', { count: 8 }) }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select mode="multiple" options={ALL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="region" label={t('customer.region')}>
            <Select allowClear options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: regionName(r.code) }))} />
          </Form.Item>
          <Form.Item name="language" label={t('common.language')}>
            <Select allowClear options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
