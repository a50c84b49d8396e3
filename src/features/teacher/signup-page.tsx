import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { assignmentApi } from '../../lib/assignment-api-client';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { FIELD_LIMITS, MIN_PASSWORD_LENGTH } from '../../domain/field-limits';
import { TextField, type FieldProblem } from '../../components/form-field';
import { AccountForm } from './components/account-form';
import { useAccountForm } from './hooks/use-account-form';
import { looksLikeEmail } from './account-rules';
import './teacher.css';
import { CheckboxField } from '../../components/checkbox-field';

const FIELDS = { name: 'signup-name', email: 'signup-email', password: 'signup-password' };

/** A new teacher account: name, email and a password of at least MIN_PASSWORD_LENGTH characters. */
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
      <AccountForm
        form={form}
        check={check}
        send={() => assignmentApi.signUp({ name: name.trim(), email: email.trim(), password })}
        submitLabel="Create account"
        busyLabel="Creating your account…"
      >
        <TextField
          {...form.fieldProps(FIELDS.name, name, setName)}
          label="Your name"
          hint="Students do not see it."
          autoComplete="name"
          maxLength={FIELD_LIMITS.teacherName}
        />
        <TextField
          {...form.fieldProps(FIELDS.email, email, setEmail)}
          label="Email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          maxLength={FIELD_LIMITS.email}
        />
        <TextField
          {...form.fieldProps(FIELDS.password, password, setPassword)}
          label="Password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few words you will remember make a good one.`}
          type={showPassword ? 'text' : 'password'}
          autoComplete="new-password"
          maxLength={FIELD_LIMITS.password}
        />
        <CheckboxField checked={showPassword} onChange={setShowPassword}>
          Show the password
        </CheckboxField>
      </AccountForm>
      <p>
        Already have an account?{' '}
        <Link to={getHref.teacherLogin(searchParams.get('next') ?? undefined)}>Log in</Link>
      </p>
    </div>
  );
}
