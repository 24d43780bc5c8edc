// The dialog of a decision on the step that is due: approve (a comment if wished), reject or return
// (a comment is required: the applicant reads why).
import { Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRequestError } from '@/app/requestErrors';
import type { DecisionKind } from '../api';

interface Props {
  decision: DecisionKind | null;
  loading: boolean;
  /** Sends the decision; resolves when done, rejects with the request's error. */
  onSubmit: (decision: DecisionKind, comment: string) => Promise<unknown>;
  onClose: () => void;
}

export function DecisionModal({ decision, loading, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const onError = useRequestError();
  const [form] = Form.useForm<{ comment?: string }>();
  const needsComment = decision !== null && decision !== 'approve';
  return (
    <Modal
      open={decision !== null}
      title={decision ? t(`approvals.decide_title.${decision}`) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={decision ? t(`approvals.actions.${decision}`) : ''}
      okButtonProps={{ danger: decision === 'reject', 'data-testid': 'decision-ok' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      destroyOnClose
    >
      <div data-testid="decision-dialog">
        {decision && <Typography.Paragraph>{t(`approvals.decide_explain.${decision}`)}</Typography.Paragraph>}
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) =>
            decision &&
            onSubmit(decision, (v.comment ?? '').trim()).then(
              () => onClose(),
              (e: unknown) => onError(e, form),
            )
          }
        >
          <Form.Item
            name="comment"
            label={t('approvals.comment')}
            rules={needsComment ? [{ required: true, whitespace: true, message: t('approvals.comment_required') }] : []}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="decision-comment" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
