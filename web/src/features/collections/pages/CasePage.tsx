// One collection case (AR-4): the customer and the covered invoices, the stage bar, the dated timeline of
// actions and stage moves, the promises to pay with their state (kept, broken or pending as of today), the
// write-offs requested on the case with their approval, and the outcome once closed. Those who work the
// case move its stage (back only with a reason), record actions and promises, request a write-off of an
// invoice's open amount, and close it with an outcome; finance and executives decide the write-offs.
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, Modal, Select, Space, Steps, Table, Tag, Timeline, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { PageSpinner } from '@/app/routes';
import { ErrorState } from '@/components/ErrorState';
import { formatDate, formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import {
  useAddAction,
  useAddPromise,
  useCase,
  useCloseCase,
  useDecideWriteOff,
  useMoveStage,
  useRequestWriteOff,
  type CaseOutcome,
  type CaseStage,
  type CollectionCase,
  type Promise as PromiseToPay,
  type WriteOff,
} from '../api';
import { ACTION_KINDS, needsReason, OUTCOMES, PROMISE_COLORS, stageIndex, STAGES } from '../stages';
import { StageTag, WriteOffDecision } from './CaseListPage';

type Dialog = 'stage' | 'action' | 'promise' | 'close' | 'write_off' | null;
type Invoice = CollectionCase['invoices'][number];

export default function CasePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const { message } = App.useApp();
  const onError = useRequestError();
  const id = Number(useParams().id);
  const loaded = useCase(id);
  const moveStage = useMoveStage(id);
  const addAction = useAddAction(id);
  const addPromise = useAddPromise(id);
  const close = useCloseCase(id);
  const requestWriteOff = useRequestWriteOff();
  const decide = useDecideWriteOff();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const target = Form.useWatch<CaseStage | undefined>('stage', form);
  const k = loaded.data;

  if (loaded.isError) return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  if (!k) return <PageSpinner />;
  const open = k.status === 'open';
  const work = open && auth.can('collections.work');

  const openDialog = (d: Dialog) => {
    form.resetFields();
    setDialog(d);
  };
  const done = (text: string) => () => {
    message.success(text);
    setDialog(null);
  };
  const submit = (values: Record<string, string | undefined>) => {
    const clean = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    const fail = (e: unknown) => onError(e, form);
    if (dialog === 'stage')
      moveStage.mutate(clean as { stage: CaseStage; reason?: string }, { onSuccess: done(t('collections.stage_moved')), onError: fail });
    if (dialog === 'action')
      addAction.mutate(clean as { kind: (typeof ACTION_KINDS)[number]; note?: string; day?: string }, {
        onSuccess: done(t('collections.action_added')),
        onError: fail,
      });
    if (dialog === 'promise')
      addPromise.mutate(clean as { amount: string; promised_date: string; note?: string }, {
        onSuccess: done(t('collections.promise_added')),
        onError: fail,
      });
    if (dialog === 'close')
      close.mutate(clean as { outcome: CaseOutcome; note?: string }, { onSuccess: done(t('collections.case_closed')), onError: fail });
    if (dialog === 'write_off')
      requestWriteOff.mutate(
        { invoice_id: Number(clean.invoice_id), amount: clean.amount ?? '', reason: clean.reason ?? '', case_id: k.id },
        { onSuccess: done(t('collections.write_off_requested')), onError: fail },
      );
  };
  const pending = moveStage.isPending || addAction.isPending || addPromise.isPending || close.isPending || requestWriteOff.isPending;

  const current = stageIndex(k.stage);
  const promiseColumns = [
    { title: t('collections.amount'), dataIndex: 'amount', render: (m: PromiseToPay['amount']) => formatMoney(m, language) },
    { title: t('collections.promised_date'), dataIndex: 'promised_date', render: (d: string) => formatDate(d, language) },
    { title: t('collections.made_on'), dataIndex: 'made_on', render: (d: string) => formatDate(d, language) },
    { title: t('collections.collected'), dataIndex: 'collected', render: (m: PromiseToPay['collected']) => formatMoney(m, language) },
    {
      title: t('collections.promise_state'),
      dataIndex: 'state',
      render: (s: PromiseToPay['state']) => (
        <Tag color={PROMISE_COLORS[s]} data-testid={`promise-${s}`}>
          {t(`collections.promise_states.${s}`)}
        </Tag>
      ),
    },
    { title: t('collections.note'), dataIndex: 'note', render: (n: string) => n || '—' },
  ];
  const invoiceColumns = [
    { title: t('collections.invoice'), dataIndex: 'number' },
    { title: t('collections.due_date'), dataIndex: 'due_date', render: (d: string) => formatDate(d, language) },
    { title: t('collections.amount'), dataIndex: 'amount', render: (m: Invoice['amount']) => formatMoney(m, language) },
    { title: t('collections.open_amount'), dataIndex: 'open', render: (m: Invoice['open']) => formatMoney(m, language) },
  ];
  const writeOffColumns = [
    { title: t('collections.invoice'), dataIndex: 'invoice_number' },
    { title: t('collections.amount'), dataIndex: 'amount', render: (m: WriteOff['amount']) => formatMoney(m, language) },
    { title: t('collections.reason'), dataIndex: 'reason' },
    { title: t('collections.write_off_status'), dataIndex: 'status', render: (s: string) => t(`collections.write_off_statuses.${s}`) },
    {
      title: t('collections.decide'),
      key: 'decide',
      render: (_: unknown, w: WriteOff) => (
        <WriteOffDecision
          writeOff={w}
          onDecide={(decision, comment) =>
            decide.mutate(
              { id: w.id, decision, comment },
              { onSuccess: () => message.success(t(`collections.write_off_${decision}d`)), onError: (e) => onError(e) },
            )
          }
        />
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="start" wrap="wrap" gap={12}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <span data-testid="case-title">{t('collections.case_n', { id: k.id })}</span> <StageTag stage={k.stage} />
            {!open && <Tag data-testid="case-outcome">{t(`collections.outcomes.${k.outcome ?? 'settled'}`)}</Tag>}
          </Typography.Title>
          {work && (
            <Space wrap data-testid="case-actions">
              <Button onClick={() => openDialog('stage')} data-testid="case-move-stage">
                {t('collections.move_stage')}
              </Button>
              <Button onClick={() => openDialog('action')} data-testid="case-add-action">
                {t('collections.add_action')}
              </Button>
              <Button onClick={() => openDialog('promise')} data-testid="case-add-promise">
                {t('collections.add_promise')}
              </Button>
              <Button onClick={() => openDialog('write_off')} data-testid="case-write-off">
                {t('collections.request_write_off')}
              </Button>
              <Button type="primary" onClick={() => openDialog('close')} data-testid="case-close">
                {t('collections.close')}
              </Button>
            </Space>
          )}
        </Flex>
        <Steps
          size="small"
          style={{ marginTop: 16 }}
          current={current}
          status={open ? 'process' : 'finish'}
          data-testid="case-stages"
          items={STAGES.map((s) => ({ title: t(`collections.stages.${s}`) }))}
        />
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('collections.customer')}>
            <Link to={`/customers/${k.customer_id}?tab=credit`} data-testid="case-customer-link">
              {k.customer_name} ({k.customer_code})
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('collections.opened_on')}>
            {formatDate(k.opened_on, language)} · {k.opened_by_name}
          </Descriptions.Item>
          {!open && (
            <Descriptions.Item label={t('collections.closed_on')}>
              {formatDate(k.closed_on, language)} {k.outcome_note && `· ${k.outcome_note}`}
            </Descriptions.Item>
          )}
          {k.note && <Descriptions.Item label={t('collections.note')}>{k.note}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card size="small" title={t('collections.invoices')}>
        <Table<Invoice> rowKey="id" size="small" pagination={false} columns={invoiceColumns} dataSource={k.invoices} />
      </Card>

      <Card size="small" title={t('collections.timeline')}>
        {k.actions.length === 0 ? (
          <Empty description={t('collections.no_actions')} />
        ) : (
          <Timeline
            data-testid="case-timeline"
            items={k.actions.map((a) => ({
              color: a.kind === 'stage' ? 'orange' : 'blue',
              children: (
                <div data-testid={`action-${a.id}`}>
                  <Typography.Text strong>{formatDate(a.day, language)}</Typography.Text> ·{' '}
                  {a.kind === 'stage'
                    ? t('collections.moved', {
                        from: t(`collections.stages.${a.from_stage ?? 'reminder'}`),
                        to: t(`collections.stages.${a.to_stage ?? 'reminder'}`),
                      })
                    : t(`collections.action_kinds.${a.kind}`)}{' '}
                  · {a.actor_name}
                  {a.note && <div style={{ whiteSpace: 'pre-wrap' }}>{a.note}</div>}
                </div>
              ),
            }))}
          />
        )}
      </Card>

      <Card size="small" title={t('collections.promises')}>
        <Table<PromiseToPay>
          rowKey="id"
          size="small"
          pagination={false}
          columns={promiseColumns}
          dataSource={k.promises}
          locale={{ emptyText: <Empty description={t('collections.no_promises')} /> }}
          data-testid="case-promises"
        />
      </Card>

      <Card size="small" title={t('collections.write_offs')}>
        <Table<WriteOff>
          rowKey="id"
          size="small"
          pagination={false}
          columns={writeOffColumns}
          dataSource={k.write_offs}
          locale={{ emptyText: <Empty description={t('collections.no_write_offs')} /> }}
          data-testid="case-write-offs"
        />
      </Card>

      <Modal
        open={dialog !== null}
        title={dialog ? t(`collections.dialogs.${dialog}`) : ''}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: pending, 'data-testid': 'case-dialog-ok' } as ButtonProps}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          {dialog === 'stage' && (
            <>
              <Form.Item name="stage" label={t('collections.stage')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select
                  data-testid="stage-select"
                  options={STAGES.filter((s) => s !== k.stage).map((s) => ({ value: s, label: t(`collections.stages.${s}`) }))}
                />
              </Form.Item>
              <Form.Item
                name="reason"
                label={t('collections.reason')}
                rules={[{ required: !!target && needsReason(k.stage, target), message: t('collections.reason_back') }]}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {dialog === 'action' && (
            <>
              <Form.Item name="kind" label={t('collections.action_kind')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select data-testid="action-kind" options={ACTION_KINDS.map((a) => ({ value: a, label: t(`collections.action_kinds.${a}`) }))} />
              </Form.Item>
              <Form.Item name="note" label={t('collections.note')}>
                <Input.TextArea rows={3} data-testid="action-note" />
              </Form.Item>
            </>
          )}
          {dialog === 'promise' && (
            <>
              <Form.Item name="amount" label={t('collections.amount')} rules={[{ required: true, message: t('validation.required') }]}>
                <Input data-testid="promise-amount" />
              </Form.Item>
              <Form.Item name="promised_date" label={t('collections.promised_date')} rules={[{ required: true, message: t('validation.required') }]}>
                <Input type="date" data-testid="promise-date" />
              </Form.Item>
              <Form.Item name="note" label={t('collections.note')}>
                <Input />
              </Form.Item>
            </>
          )}
          {dialog === 'close' && (
            <>
              <Form.Item name="outcome" label={t('collections.outcome')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select data-testid="outcome-select" options={OUTCOMES.map((o) => ({ value: o, label: t(`collections.outcomes.${o}`) }))} />
              </Form.Item>
              <Form.Item name="note" label={t('collections.note')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {dialog === 'write_off' && (
            <>
              <Form.Item name="invoice_id" label={t('collections.invoice')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select
                  data-testid="write-off-invoice"
                  options={k.invoices.map((i) => ({ value: String(i.id), label: `${i.number} · ${formatMoney(i.open, language)}` }))}
                />
              </Form.Item>
              <Form.Item name="amount" label={t('collections.amount')} rules={[{ required: true, message: t('validation.required') }]}>
                <Input data-testid="write-off-amount" />
              </Form.Item>
              <Form.Item name="reason" label={t('collections.reason')} rules={[{ required: true, message: t('validation.required') }]}>
                <Input.TextArea rows={2} data-testid="write-off-reason" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
