// The contacts of a file. Each change writes a new version of the file, so it carries the file's
// version (If-Match); a conflict asks the user to reload.
import { DeleteOutlined, EditOutlined, PlusOutlined, StarFilled } from '@ant-design/icons';
import { App, Button, Checkbox, Empty, Form, Input, InputNumber, List, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictVersion } from '@/app/errors';
import { useRequestError } from '@/app/requestErrors';
import type { Schemas } from '@/api/client';
import { useAddContact, useDeleteContact, useUpdateContact, type LoadedFile } from '../api';

type Contact = Schemas['Contact'];
const PROFILE_KEYS = ['personality', 'interests', 'hobbies', 'family', 'education', 'background'] as const;

interface ContactValues {
  name: string;
  title?: string;
  phones?: string[];
  email?: string;
  primary?: boolean;
  profile?: Record<string, string | number | undefined>;
  reason?: string;
}

function clean(values: ContactValues, editing: boolean) {
  const text = (v?: string) => (v && v.trim() ? v.trim() : editing ? null : undefined);
  const profile: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values.profile ?? {})) {
    if (typeof v === 'number') profile[k] = v;
    else if (typeof v === 'string' && v.trim()) profile[k] = v.trim();
  }
  const out: Record<string, unknown> = {
    name: values.name.trim(),
    title: text(values.title),
    phones: values.phones ?? [],
    email: text(values.email),
    primary: !!values.primary,
  };
  if (Object.keys(profile).length > 0) out.profile = profile;
  if (values.reason?.trim()) out.reason = values.reason.trim();
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

export function ContactsTab({ file, readOnly }: { file: LoadedFile; readOnly: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useRequestError();
  const id = file.customer.id;
  const showProfile = !file.customer.hidden.includes('contacts.profile');
  const add = useAddContact(id);
  const update = useUpdateContact(id);
  const remove = useDeleteContact(id);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [form] = Form.useForm<ContactValues>();

  const failed = (e: unknown) => {
    if (conflictVersion(e) !== null)
      modal.warning({ title: t('errors.version_conflict'), content: t('conflict.reload_contacts') });
    else onError(e, form);
  };

  const open = (c: Contact | 'new') => {
    setEditing(c);
    form.resetFields();
    if (c !== 'new')
      form.setFieldsValue({
        name: c.name,
        title: c.title,
        phones: c.phones,
        email: c.email,
        primary: c.primary,
        profile: (c.profile ?? {}) as ContactValues['profile'],
      });
  };

  const save = (values: ContactValues) => {
    const done = { onSuccess: () => { setEditing(null); message.success(t('contacts.saved')); }, onError: failed };
    if (editing === 'new') add.mutate(clean(values, false) as never, done);
    else if (editing) update.mutate({ contactId: editing.id, patch: clean(values, true) as never, version: file.version }, done);
  };

  return (
    <>
      {!readOnly && (
        <Button icon={<PlusOutlined />} onClick={() => open('new')} style={{ marginBottom: 12 }} data-testid="contact-add">
          {t('contacts.add')}
        </Button>
      )}
      <List
        bordered
        dataSource={file.customer.contacts}
        locale={{ emptyText: <Empty description={t('contacts.none')} /> }}
        renderItem={(c) => (
          <List.Item
            actions={
              readOnly
                ? []
                : [
                    <Button key="edit" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => open(c)} />,
                    <Popconfirm
                      key="delete"
                      title={t('contacts.remove_confirm', { name: c.name })}
                      onConfirm={() => remove.mutate({ contactId: c.id, version: file.version }, { onError: failed })}
                    >
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} />
                    </Popconfirm>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  {c.name}
                  {c.title && <Typography.Text type="secondary">{c.title}</Typography.Text>}
                  {c.primary && (
                    <Tag icon={<StarFilled />} color="gold">
                      {t('contacts.primary')}
                    </Tag>
                  )}
                </Space>
              }
              description={
                <Space direction="vertical" size={0}>
                  <span>{[...c.phones, c.email].filter(Boolean).join(' · ') || '—'}</span>
                  {showProfile &&
                    c.profile &&
                    PROFILE_KEYS.filter((k) => c.profile?.[k]).map((k) => (
                      <span key={k}>
                        {t(`contacts.profile.${k}`)}: {String(c.profile?.[k])}
                      </span>
                    ))}
                  {showProfile && c.profile?.age && (
                    <span>
                      {t('contacts.profile.age')}: {c.profile.age}
                    </span>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('contacts.add') : t('contacts.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending || update.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnClose
        width={640}
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="name" label={t('contacts.name')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="title" label={t('contacts.job_title')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="phones" label={t('contacts.phones')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ';']} />
          </Form.Item>
          <Form.Item name="email" label={t('fields.email')}>
            <Input type="email" maxLength={254} />
          </Form.Item>
          <Form.Item name="primary" valuePropName="checked">
            <Checkbox>{t('contacts.primary')}</Checkbox>
          </Form.Item>
          {showProfile && (
            <>
              <Typography.Text strong>{t('contacts.profile.title')}</Typography.Text>
              <Typography.Paragraph type="secondary">{t('contacts.profile.sensitive')}</Typography.Paragraph>
              {PROFILE_KEYS.map((k) => (
                <Form.Item key={k} name={['profile', k]} label={t(`contacts.profile.${k}`)}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
                </Form.Item>
              ))}
              <Form.Item name={['profile', 'age']} label={t('contacts.profile.age')}>
                <InputNumber min={16} max={120} precision={0} />
              </Form.Item>
            </>
          )}
          <Form.Item name="reason" label={t('customer.reason')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
