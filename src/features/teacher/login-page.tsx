import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { assignmentApi } from '../../lib/assignment-api-client';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AccountFormAlert } from './components/account-form-alert';
import { ErrorSummary, TextField, type FieldProblem } from './components/form-field';
import { useAccountForm } from './hooks/use-account-form';
import './teacher.css';

const FIELDS = { email: 'login-email', password: 'login-password' };

/** Signs a teacher in, then returns to the teacher page that asked for it. */
export function LoginPage() {
  useDocumentTitle('Teacher login');
  const [searchParams] = useSearchParams();
  const signedOut = (useLocation().state as { signedOut?: 'here' | 'everywhere' } | null)
    ?.signedOut;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useAccountForm({ fieldIds: FIELDS });

  function check(): FieldProblem[] {
    const problems: FieldProblem[] = [];
    if (email.trim() === '') problems.push({ fieldId: FIELDS.email, message: 'Type your email.' });
    if (password === '') {
      problems.push({ fieldId: FIELDS.password, message: 'Type your password.' });
    }
    return problems;
  }

  return (
    <div className="account-page">
      <h1>Teacher login</h1>
      {signedOut !== undefined && (
        <p className="notice" role="status">
          {signedOut === 'everywhere'
            ? 'You are logged out on every device.'
            : 'You are logged out.'}
        </p>
      )}
      <ErrorSummary problems={form.problems} attempt={form.attempt} />
      <AccountFormAlert message={form.formError} />
      <form
        className="card account-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit(check(), () => assignmentApi.logIn({ email: email.trim(), password }));
        }}
      >
        <TextField
          id={FIELDS.email}
          label="Email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          error={form.errorOf(FIELDS.email)}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          id={FIELDS.password}
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          error={form.errorOf(FIELDS.password)}
          onChange={(event) => setPassword(event.target.value)}
        />
        <p className="button-row">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? 'Logging in…' : 'Log in'}
          </button>
        </p>
      </form>
      <p>
        New here?{' '}
        <Link to={getHref.teacherSignup(searchParams.get('next') ?? undefined)}>
          Create a teacher account
        </Link>
      </p>
    </div>
  );
}
