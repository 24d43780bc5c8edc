// The create and edit form of a customer file, laid out by the catalog's groups. The fields required
// for the chosen kind are marked and checked before sending; the server checks everything again and
// its field errors land on the same inputs.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerFields } from '../api';
import { useLabels, type EnumName } from '../labels';
import { FieldInput } from './FieldInput';
import { fieldRules } from '../rules';

interface Props {
  form: FormInstance;
  fields: CustomerFields;
  initialValues: Record<string, unknown>;
  withContacts: boolean;
  /** Sensitive fields the user may not see, hence not change (shown disabled). */
  hidden?: string[];
  submitting: boolean;
  submitLabel: string;
  onSubmit: (values: Record<string, unknown>) => void;
  onCancel: () => void;
}

export function CustomerForm({ form, fields, initialValues, withContacts, hidden = [], submitting, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const kind = Form.useWatch('kind', form) as string | undefined;

  const enumSelect = (name: EnumName, values: readonly string[], allowClear = false) => (
    <Select allowClear={allowClear} options={values.map((v) => ({ value: v, label: labels.enumValue(name, v) }))} />
  );
  const required = { required: true, message: t('validation.required') };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onSubmit}
      scrollToFirstError
      data-testid="customer-form"
    >
      <Card title={t('customer.identity')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('customer.name')} rules={[required, { max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="kind" label={t('customer.kind')} rules={[required]}>
              {enumSelect('kind', fields.kinds)}
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="region" label={t('customer.region')} rules={[required]}>
              <Select options={labels.regions.map((r) => ({ value: r.code, label: labels.region(r.code) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="nature" label={t('customer.nature')}>
              {enumSelect('nature', fields.natures)}
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="importance" label={t('customer.importance')}>
              {enumSelect('importance', fields.importances)}
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lifecycle" label={t('customer.lifecycle')}>
              {enumSelect('lifecycle', fields.lifecycles)}
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="stage" label={t('customer.stage')}>
              {enumSelect('stage', fields.stages, true)}
            </Form.Item>
          </Col>
        </Row>
      </Card>

      {fields.groups.map((group) => (
        <Card key={group} title={labels.group(group)} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            {fields.fields
              .filter((f) => f.group === group)
              .map((spec) => {
                const isRequired = !!kind && spec.required_for.includes(kind as never);
                const wide = spec.type === 'long_text';
                if (hidden.includes(spec.key))
                  return (
                    <Col key={spec.key} xs={24} md={wide ? 24 : 12} xl={wide ? 24 : 8}>
                      <Form.Item label={labels.field(spec.key)}>
                        <Input disabled placeholder={t('customer.hidden')} />
                      </Form.Item>
                    </Col>
                  );
                return (
                  <Col key={spec.key} xs={24} md={wide ? 24 : 12} xl={wide ? 24 : 8}>
                    <Form.Item
                      name={spec.key}
                      label={labels.field(spec.key)}
                      rules={fieldRules(spec, t, isRequired)}
                      required={isRequired}
                    >
                      <FieldInput spec={spec} />
                    </Form.Item>
                  </Col>
                );
              })}
          </Row>
        </Card>
      ))}

      {withContacts && (
        <Card title={t('contacts.title')} size="small" style={{ marginBottom: 16 }}>
          <Form.List name="contacts">
            {(items, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {items.map((item) => (
                  <Row key={item.key} gutter={8} align="bottom">
                    <Col xs={24} md={5}>
                      <Form.Item name={[item.name, 'name']} label={t('contacts.name')} rules={[required]}>
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={5}>
                      <Form.Item name={[item.name, 'title']} label={t('contacts.job_title')}>
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item name={[item.name, 'phones']} label={t('contacts.phones')}>
                        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ';']} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={5}>
                      <Form.Item name={[item.name, 'email']} label={t('fields.email')}>
                        <Input type="email" maxLength={254} />
                      </Form.Item>
                    </Col>
                    <Col xs={18} md={2}>
                      <Form.Item name={[item.name, 'primary']} valuePropName="checked">
                        <Checkbox>{t('contacts.primary')}</Checkbox>
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={1}>
                      <Form.Item>
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          aria-label={t('common.remove')}
                          onClick={() => remove(item.name)}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ primary: items.length === 0 })}>
                  {t('contacts.add')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Card>
      )}

      <Card size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="reason" label={t('customer.reason')} extra={t('customer.reason_help')}>
          <Input maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="customer-save">
            {submitLabel}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </Space>
      </Card>
    </Form>
  );
}
