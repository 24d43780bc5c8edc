// Users and their roles (admin): the list, and a form to add a user.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '@/api/client';
import { ALL_ROLES } from '@/app/access';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import { LANGUAGE_NAMES, LANGUAGES } from '@/i18n/languages';
import { formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';



type User = Schemas['User'];

/** Changes a user's name, roles, region, language, state or password (admin). */
function EditUser({ user, regions, onClose }: { user: User; regions: Schemas['Region'][]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useRequestError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Schemas['UserPatch']>();
  const save = useMutation({
    mutationFn: (patch: Schemas['UserPatch']) =>
      data(api.PATCH('/users/{id}', { params: { path: { id: user.id } }, body: patch })),
    onSuccess: () => {
      message.success(t('users.saved', { name: user.username }));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (e) => onError(e, form),
  });
  const submit = (v: Schemas['UserPatch']) => {
    const patch: Schemas['UserPatch'] = {};
    if (v.display_name !== user.display_name) patch.display_name = v.display_name;
    if (JSON.stringify([...(v.roles ?? [])].sort()) !== JSON.stringify([...user.roles].sort())) patch.roles = v.roles;
    if ((v.region ?? null) !== user.region) patch.region = v.region ?? null;
    if ((v.language ?? null) !== user.language) patch.language = v.language ?? null;
    if ((v.email || null) !== (user.email ?? null)) patch.email = v.email || null;
    if (v.active !== user.active) patch.active = v.active;
    if (v.password) patch.password = v.password;
    if (Object.keys(patch).length === 0) return onClose();
    save.mutate(patch);
  };
  return (
    <Modal
      open
      title={t('users.edit', { name: user.username })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          display_name: user.display_name,
          roles: user.roles,
          region: user.region,
          language: user.language,
          email: user.email ?? null,
          active: user.active,
        }}
      >
        <Form.Item name="display_name" label={t('users.display_name')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select mode="multiple" options={ALL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="region" label={t('customer.region')}>
          <Select allowClear options={regions.map((r) => ({ value: r.code, label: t(`regions.${r.code}`, { defaultValue: r.name }) }))} />
        </Form.Item>
        <Form.Item name="language" label={t('common.language')}>
          <Select allowClear options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} extra={t('users.email_help')} rules={[{ type: 'email', message: t('validation.email') }]}>
          <Input type="email" data-testid="user-email" />
        </Form.Item>
        <Form.Item name="active" label={t('users.active')} valuePropName="checked" extra={t('users.disable_help')}>
          <Switch />
        </Form.Item>
        <Form.Item name="password" label={t('users.reset_password')} rules={[{ min: 8, message: t('validation.min_chars', { count: 8 }) }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Moves every customer of a leaving salesperson to a successor (or the pool) and disables the user. */
type HandoverItem = Schemas['Handover']['items'][number];

/** What was still open with the customers handed over (their orders and receivables went with them). */
export function HandoverSummary({ items }: { items: HandoverItem[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const open = items.filter((i) => i.open_orders > 0 || (i.receivables && i.receivables.amount !== '0.00'));
  if (open.length === 0) return null;
  return (
    <div data-testid="handover-open">
      <Typography.Paragraph>{t('users.handover_open', { count: open.length })}</Typography.Paragraph>
      <ul>
        {open.slice(0, 20).map((i) => (
          <li key={i.customer_id}>
            {t('users.handover_open_line', {
              code: i.code,
              orders: i.open_orders,
              receivables: formatMoney(i.receivables, language),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function HandOver({ user, users, onClose }: { user: User; users: User[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const onError = useRequestError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ to: number | 'pool'; reason: string }>();
  const successors = users.filter((u) => u.active && u.id !== user.id && u.roles.includes('sales'));
  const run = useMutation({
    mutationFn: (v: { to: number | 'pool'; reason: string }) =>
      data(
        api.POST('/users/{id}/handover', {
          params: { path: { id: user.id } },
          body: { to: v.to === 'pool' ? null : v.to, reason: v.reason },
        }),
      ),
    onSuccess: (h) => {
      void queryClient.invalidateQueries();
      onClose();
      modal.success({
        title: t('users.handover_done', { count: h.customers, name: user.display_name }),
        content: <HandoverSummary items={h.items} />,
      });
    },
    onError: (e) => onError(e, form),
  });
  return (
    <Modal
      open
      title={t('users.handover_title', { name: user.display_name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okText={t('users.handover')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
    >
      <Typography.Paragraph>{t('users.handover_explain')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
        <Form.Item name="to" label={t('users.successor')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={[
              { value: 'pool', label: t('users.to_pool') },
              ...successors.map((u) => ({ value: u.id, label: `${u.display_name} (${u.username})` })),
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('customer.reason')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useRequestError();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => data(api.GET('/users')) });
  const regions = useQuery({ queryKey: ['regions'], queryFn: () => data(api.GET('/regions')), staleTime: Infinity });
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [leaving, setLeaving] = useState<User | null>(null);
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
          {
            title: '',
            render: (_: unknown, u) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)} aria-label={t('common.edit')} />
                {u.active && u.roles.includes('sales') && (
                  <Button size="small" danger onClick={() => setLeaving(u)} data-testid={`handover-${u.username}`}>
                    {t('users.handover')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <EditUser user={editing} regions={regions.data?.items ?? []} onClose={() => setEditing(null)} />}
      {leaving && <HandOver user={leaving} users={users.data?.items ?? []} onClose={() => setLeaving(null)} />}
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
