// A dialog asking for the written reason of a change (release, cancellation): nothing is sent without one.
import { Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRequestError } from '@/app/requestErrors';

interface Props {
  open: boolean;
  title: string;
  explain?: string;
  okText: string;
  danger?: boolean;
  loading: boolean;
  /** Sends the reason; resolves when done, rejects with the request's error. */
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
  testId: string;
}

export function ReasonModal({ open, title, explain, okText, danger, loading, onSubmit, onClose, testId }: Props) {
  const { t } = useTranslation();
  const onError = useRequestError();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={{ danger, 'data-testid': `${testId}-ok` } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      destroyOnClose
    >
      <div data-testid={testId}>
        {explain && <Typography.Paragraph>{explain}</Typography.Paragraph>}
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) =>
            onSubmit(v.reason.trim()).then(
              () => onClose(),
              (e: unknown) => onError(e, form),
            )
          }
        >
          <Form.Item
            name="reason"
            label={t('orders.reason')}
            rules={[{ required: true, whitespace: true, message: t('orders.reason_required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid={`${testId}-reason`} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
