// The customer's credit evaluations (CE-1): each with its day, evaluator, score 0–100 and the eight
// factors 0–10, newest first; the roles that change the file, and finance, add one in a dialog that shows
// the score as the factors are given (equal weights, as the server computes it).
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, InputNumber, Modal, Table, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import { EVALUATION_FACTORS, evaluationScore, factorLabel, factorShortLabel, MAX_FACTOR_SCORE } from '@/lib/credit';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useAddEvaluation, useEvaluations, type Evaluation, type EvaluationFactors } from '../api';

export interface EvaluationValues {
  factors?: Partial<Record<keyof EvaluationFactors, number | null>>;
  comments?: string;
}

/** The request body of the dialog's values: all eight factors, and the comments when written. */
export function evaluationBody(values: EvaluationValues): { factors: EvaluationFactors; comments?: string } {
  const factors = Object.fromEntries(EVALUATION_FACTORS.map((f) => [f, values.factors?.[f] ?? 0])) as unknown as EvaluationFactors;
  const comments = values.comments?.trim();
  return { factors, ...(comments ? { comments } : {}) };
}

export function EvaluationsCard({ customerId, readOnly }: { customerId: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const list = useEvaluations(customerId);
  const [open, setOpen] = useState(false);
  const evaluate = auth.can('credit.evaluate') && !readOnly;

  const columns: TableProps<Evaluation>['columns'] = [
    {
      title: t('evaluation.day'),
      dataIndex: 'day',
      render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d, language)}</span>,
    },
    { title: t('evaluation.evaluator'), dataIndex: 'evaluator_name' },
    {
      title: t('evaluation.score'),
      dataIndex: 'score',
      align: 'right',
      render: (s: number) => <Typography.Text strong>{s}</Typography.Text>,
    },
    ...EVALUATION_FACTORS.map((f) => ({
      title: <Tooltip title={factorLabel(f, t)}>{factorShortLabel(f, t)}</Tooltip>,
      key: f,
      align: 'right' as const,
      render: (_: unknown, e: Evaluation) => e.factors[f],
    })),
    {
      title: t('evaluation.comments'),
      dataIndex: 'comments',
      render: (c: string) => (c ? <span style={{ whiteSpace: 'pre-wrap' }}>{c}</span> : '—'),
    },
  ];

  return (
    <Card
      size="small"
      title={t('evaluation.title')}
      data-testid="evaluations"
      extra={
        evaluate && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="evaluation-new">
            {t('evaluation.new')}
          </Button>
        )
      }
    >
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Evaluation>
          rowKey="id"
          size="small"
          pagination={false}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluation.none')} /> }}
          columns={columns}
        />
      )}
      {open && <EvaluationModal customerId={customerId} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function EvaluationModal({ customerId, onClose }: { customerId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useRequestError();
  const add = useAddEvaluation(customerId);
  const [form] = Form.useForm<EvaluationValues>();
  const factors = Form.useWatch('factors', form) as EvaluationValues['factors'];
  const score = evaluationScore(factors ?? {});

  const save = (values: EvaluationValues) =>
    add.mutate(evaluationBody(values), {
      onSuccess: (e) => {
        message.success(t('evaluation.added', { score: e.score }));
        onClose();
      },
      onError: (e) => onError(e, form),
    });

  return (
    <Modal
      open
      title={t('evaluation.new_title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('evaluation.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      width={640}
      destroyOnClose
    >
      <Typography.Paragraph type="secondary">{t('evaluation.explain')}</Typography.Paragraph>
      <Form<EvaluationValues>
        form={form}
        layout="horizontal"
        labelCol={{ span: 16 }}
        wrapperCol={{ span: 8 }}
        labelWrap
        onFinish={save}
        data-testid="evaluation-form"
      >
        {EVALUATION_FACTORS.map((f) => (
          <Form.Item
            key={f}
            name={['factors', f]}
            label={factorLabel(f, t)}
            rules={[{ required: true, message: t('evaluation.factor_required') }]}
          >
            <InputNumber min={0} max={MAX_FACTOR_SCORE} precision={0} step={1} style={{ width: '100%' }} data-testid={`factor-${f}`} />
          </Form.Item>
        ))}
        <Form.Item name="comments" label={t('evaluation.comments')} labelCol={{ span: 24 }} wrapperCol={{ span: 24 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
      </Form>
      <Typography.Text strong data-testid="evaluation-score" data-score={score ?? ''}>
        {score === null ? t('evaluation.score_incomplete') : t('evaluation.score_is', { score })}
      </Typography.Text>
    </Modal>
  );
}
