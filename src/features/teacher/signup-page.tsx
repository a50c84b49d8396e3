import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { assignmentApi } from '../../lib/assignment-api-client';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AccountFormAlert } from './components/account-form-alert';
import { FIELD_LIMITS } from '../../domain/field-limits';
import { ErrorSummary, TextField, type FieldProblem } from './components/form-field';
import { useAccountForm } from './hooks/use-account-form';
import { MIN_PASSWORD_LENGTH, looksLikeEmail } from './account-rules';
import './teacher.css';

const FIELDS = { name: 'signup-name', email: 'signup-email', password: 'signup-password' };

/** A new teacher account: name, email and a password of at least 10 characters. */
export function SignupPage() {
  useDocumentTitle('Create a teacher account');
  const [searchParams] = useSearchParams();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const form = useAccountForm({
    fieldIds: FIELDS,
    fieldOfErrorCode: { 'email-taken': FIELDS.email },
  });

  function check(): FieldProblem[] {
    const problems: FieldProblem[] = [];
    if (name.trim() === '') problems.push({ fieldId: FIELDS.name, message: 'Type your name.' });
    if (!looksLikeEmail(email)) {
      problems.push({ fieldId: FIELDS.email, message: 'Type a whole email address.' });
    }
    if (password.length < MIN_PASSWORD_LENGTH) {
      problems.push({
        fieldId: FIELDS.password,
        message: `A password has at least ${MIN_PASSWORD_LENGTH} characters: this one has ${password.length}.`,
      });
    }
    return problems;
  }

  return (
    <div className="account-page">
      <h1>Create a teacher account</h1>
      <p className="page-intro">
        Assign quizzes to a class with a join code and see every answer as it comes in. Students do
        not need an account.
      </p>
      <ErrorSummary problems={form.problems} attempt={form.attempt} />
      <AccountFormAlert message={form.formError} />
      <form
        className="card account-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit(check(), () =>
            assignmentApi.signUp({ name: name.trim(), email: email.trim(), password }),
          );
        }}
      >
        <TextField
          id={FIELDS.name}
          label="Your name"
          hint="Students do not see it."
          autoComplete="name"
          maxLength={FIELD_LIMITS.teacherName}
          value={name}
          error={form.errorOf(FIELDS.name)}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          id={FIELDS.email}
          label="Email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          maxLength={FIELD_LIMITS.email}
          value={email}
          error={form.errorOf(FIELDS.email)}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          id={FIELDS.password}
          label="Password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few words you will remember make a good one.`}
          type={showPassword ? 'text' : 'password'}
          autoComplete="new-password"
          maxLength={FIELD_LIMITS.password}
          value={password}
          error={form.errorOf(FIELDS.password)}
          onChange={(event) => setPassword(event.target.value)}
        />
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={showPassword}
            onChange={(event) => setShowPassword(event.target.checked)}
          />
          Show the password
        </label>
        <p className="button-row">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? 'Creating your account…' : 'Create account'}
          </button>
        </p>
      </form>
      <p>
        Already have an account?{' '}
        <Link to={getHref.teacherLogin(searchParams.get('next') ?? undefined)}>Log in</Link>
      </p>
    </div>
  );
}
