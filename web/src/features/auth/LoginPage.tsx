import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, data } from '@/api/client';
import { useAuth } from '@/app/auth';
import { describeError } from '@/app/errors';
import { LanguageSwitch } from '@/app/LanguageSwitch';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { ApiError } from '@/api/client';

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  const login = useMutation({
    mutationFn: (c: Credentials) => data(api.POST('/auth/login', { body: c })),
    onSuccess: (answer) => {
      auth.signIn(answer);
      navigate(from, { replace: true });
    },
  });

  if (auth.user) return <Navigate to={from} replace />;

  const error = login.error;
  const errorText =
    error instanceof ApiError && error.code === 'unauthenticated'
      ? t('auth.wrong_credentials')
      : error instanceof ApiError && error.code === 'locked'
        ? t('errors.locked', { until: formatDateTime(error.details.locked_until, language) })
        : error
          ? describeError(error, t)
          : null;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #1f4e79 0%, #3a7bbf 100%)',
        padding: 16,
      }}
    >
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              Credo
            </Typography.Title>
            <LanguageSwitch />
          </div>
          <Typography.Text type="secondary">{t('auth.tagline')}</Typography.Text>
          {errorText && <Alert type="error" showIcon message={errorText} data-testid="login-error" />}
          <Form<Credentials> layout="vertical" onFinish={(v) => login.mutate(v)} requiredMark={false}>
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('auth.login')}
            </Button>
          </Form>
        </Space>
      </Card>
    </div>
  );
}
