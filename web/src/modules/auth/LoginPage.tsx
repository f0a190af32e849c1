import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth/AuthContext';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import type { Credentials } from '../../app/auth/session';
import { applyFieldErrors, errorText } from '../../shared/errors';
import './login.css';

export default function LoginPage() {
  const { t } = useTranslation('auth');
  const { session, login } = useAuth();
  const [form] = Form.useForm<Credentials>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session) return <Navigate to={from} replace />;

  const onFinish = async (values: Credentials) => {
    setSubmitting(true);
    setError(undefined);
    try {
      await login({ login: values.login.trim(), password: values.password });
      navigate(from, { replace: true });
    } catch (err) {
      applyFieldErrors(form, err);
      // Shown in the form rather than as a toast: the user is looking at the form, and
      // the text (wrong password, locked for N minutes) must stay until they act on it.
      setError(errorText(err, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex component="main" className="xq-login" vertical align="center" justify="center">
      <div className="xq-login-lang">
        <LanguageSwitch />
      </div>
      <Card className="xq-login-card">
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {t('common:appName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
        </Flex>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting}>
          <Form.Item name="login" label={t('login')} rules={[{ required: true, whitespace: true, message: t('loginRequired') }]}>
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              size="large"
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
            {t('submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
