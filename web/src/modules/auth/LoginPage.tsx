import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../shared/auth/AuthContext';
import { errorText } from '../../shared/problemText';
import { Field, invalidProps } from '../../shared/light/Field';
import { problemFieldErrors, useFieldErrors } from '../../shared/light/fieldErrors';
import { LangSwitch } from '../../shared/light/LangSwitch';
import { Notice } from '../../shared/light/LightFrame';
import '../../shared/light/light.css';

/** The sign-in page is on the light phone path (no antd): every worker and parent meets it first. */
export default function LoginPage() {
  const { t } = useTranslation('auth');
  const { session, login } = useAuth();
  const [values, setValues] = useState({ login: '', password: '' });
  const { errors, setErrors, clear } = useFieldErrors();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session) return <Navigate to={from} replace />;

  const change = (name: 'login' | 'password', value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    clear(name);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = {
      login: values.login.trim() ? undefined : t('loginRequired'),
      password: values.password ? undefined : t('passwordRequired'),
    };
    if (missing.login || missing.password) return setErrors(missing);
    setSubmitting(true);
    setError(undefined);
    try {
      await login({ login: values.login.trim(), password: values.password });
      navigate(from, { replace: true });
    } catch (err) {
      setErrors(problemFieldErrors(err));
      // Shown in the form rather than as a toast: the user is looking at the form, and
      // the text (wrong password, locked for N minutes) must stay until they act on it.
      setError(errorText(err, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main className="lt-frame lt-login">
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LangSwitch />
      </div>
      <div className="lt-card">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <h1>{t('common:appName')}</h1>
          <div className="lt-muted">{t('subtitle')}</div>
        </div>
        {error && <Notice kind="error" title={error} testId="login-error" />}
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <fieldset disabled={submitting} style={{ border: 0, padding: 0, margin: 0 }}>
            <Field id="login-username" label={t('login')} error={errors.login}>
              <input
                id="login-username"
                className="lt-input"
                autoComplete="username"
                autoFocus
                value={values.login}
                onChange={(e) => change('login', e.target.value)}
                data-testid="login-username"
                {...invalidProps('login-username', errors.login)}
              />
            </Field>
            <Field id="login-password" label={t('password')} error={errors.password}>
              <input
                id="login-password"
                className="lt-input"
                type="password"
                autoComplete="current-password"
                value={values.password}
                onChange={(e) => change('password', e.target.value)}
                data-testid="login-password"
                {...invalidProps('login-password', errors.password)}
              />
            </Field>
            <button type="submit" className="lt-btn lt-btn-primary lt-btn-block" data-testid="login-submit">
              {submitting ? `${t('submit')}…` : t('submit')}
            </button>
          </fieldset>
        </form>
      </div>
    </main>
  );
}
