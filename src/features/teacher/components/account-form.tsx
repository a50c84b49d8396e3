import type { ReactNode } from 'react';
import { AppForm } from '../../../components/app-form';
import { FormAlert } from '../../../components/form-alert';
import { ErrorSummary, type FieldProblem } from '../../../components/form-field';
import type { useAccountForm } from '../hooks/use-account-form';

/**
 * The frame of the login and sign-up forms: the summary of problems, the refusal of the whole
 * form, the fields, and the submit button that says when the request is on its way.
 */
export function AccountForm({
  form,
  check,
  send,
  submitLabel,
  busyLabel,
  children,
}: {
  form: ReturnType<typeof useAccountForm>;
  /** The problems the browser can see before asking the server. */
  check: () => FieldProblem[];
  send: () => Promise<unknown>;
  submitLabel: string;
  busyLabel: string;
  children: ReactNode;
}) {
  return (
    <>
      <ErrorSummary problems={form.problems} attempt={form.attempt} />
      <FormAlert message={form.formError} />
      <AppForm className="card account-form" onSubmit={() => form.submit(check(), send)}>
        {children}
        <p className="button-row">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? busyLabel : submitLabel}
          </button>
        </p>
      </AppForm>
    </>
  );
}
