// Assigning a file to a salesperson, or to its region's pool (managers). The change is a new version.
import { UserSwitchOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '@/api/client';
import { useRequestError } from '@/app/requestErrors';
import { keys, type Customer, type LoadedFile } from '../api';

export function AssignOwner({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useRequestError();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ owner: number | 'pool'; reason?: string }>();
  const users = useQuery({
    queryKey: ['users', 'assignable'],
    queryFn: () => data(api.GET('/users')),
    enabled: open,
    staleTime: 60_000,
  });
  const sellers = (users.data?.items ?? []).filter((u) => u.active && u.roles.includes('sales'));
  const assign = useMutation({
    mutationFn: (v: { owner: number | 'pool'; reason?: string }) =>
      data(
        api.POST('/customers/{id}/assign', {
          params: { path: { id: customer.id } },
          body: { owner_id: v.owner === 'pool' ? null : v.owner, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData<LoadedFile>(keys.file(saved.id), { customer: saved, version: saved.version });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      setOpen(false);
      message.success(t('ownership.assigned'));
    },
    onError: (e) => onError(e, form),
  });
  return (
    <>
      <Button icon={<UserSwitchOutlined />} onClick={() => setOpen(true)} data-testid="customer-assign">
        {t('ownership.assign')}
      </Button>
      <Modal
        open={open}
        title={t('ownership.assign_title', { name: customer.name })}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={assign.isPending}
        okText={t('ownership.assign')}
        cancelText={t('common.cancel')}
        destroyOnClose
      >
        <Form form={form} layout="vertical" onFinish={(v) => assign.mutate(v)} preserve={false}>
          <Form.Item name="owner" label={t('customer.owner')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={users.isPending}
              options={[
                { value: 'pool', label: t('ownership.pool') },
                ...sellers.map((u) => ({ value: u.id, label: `${u.display_name} (${u.username})` })),
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('customer.reason')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
