import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { assignmentApi } from '../../lib/assignment-api-client';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { TextField, type FieldProblem } from '../../components/form-field';
import { AccountForm } from './components/account-form';
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
      <AccountForm
        form={form}
        check={check}
        send={() => assignmentApi.logIn({ email: email.trim(), password })}
        submitLabel="Log in"
        busyLabel="Logging in…"
      >
        <TextField
          {...form.fieldProps(FIELDS.email, email, setEmail)}
          label="Email"
          type="email"
          autoComplete="username"
          spellCheck={false}
        />
        <TextField
          {...form.fieldProps(FIELDS.password, password, setPassword)}
          label="Password"
          type="password"
          autoComplete="current-password"
        />
      </AccountForm>
      <p>
        New here?{' '}
        <Link to={getHref.teacherSignup(searchParams.get('next') ?? undefined)}>
          Create a teacher account
        </Link>
      </p>
    </div>
  );
}
