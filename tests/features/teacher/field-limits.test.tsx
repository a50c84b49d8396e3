import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIELD_LIMITS } from '../../../src/domain/field-limits';
import { describeIssue } from '../../../src/domain/plain-issues';
import { apiError, installFakeServer } from './fake-server';
import { PAGE_LOAD, renderAt, signUpAs } from './teacher-fixtures';

/** The 400 the server sends for `body`, with the message the API's schemas give a person. */
function refusalOf(body: Record<string, string>) {
  const schema = z.object({ name: z.string().trim().max(FIELD_LIMITS.teacherName) });
  const issues = schema.safeParse(body, { error: describeIssue }).error?.issues ?? [];
  const first = issues[0];
  return apiError(400, 'invalid-request', first?.message ?? 'no issue', {
    target: 'body',
    issues: issues.map((issue) => ({ path: issue.path, message: issue.message })),
  });
}

describe('a teacher name longer than the limit', () => {
  it('cannot be typed past the limit the server checks', async () => {
    installFakeServer({});
    const user = userEvent.setup();
    renderAt('/teacher/signup');

    const name = await screen.findByLabelText('Your name', {}, PAGE_LOAD);
    expect(name).toHaveAttribute('maxLength', String(FIELD_LIMITS.teacherName));
    await user.click(name);
    await user.paste('n'.repeat(300));
    expect(name).toHaveValue('n'.repeat(FIELD_LIMITS.teacherName));
    expect(screen.getByLabelText('Email')).toHaveAttribute('maxLength', '254');
  });

  it('is refused in words a person reads, next to the field', async () => {
    installFakeServer({
      'POST /api/teacher/signup': () => refusalOf({ name: 'n'.repeat(300) }),
    });
    await signUpAs('Ms Rivera');

    await screen.findByRole('alert', { name: 'There is a problem' });
    expect(screen.getByLabelText('Your name')).toHaveAccessibleDescription(
      /The name can be at most 100 characters long; this one has 300\./,
    );
    expect(document.body).not.toHaveTextContent(/Too big|expected string/);
  });
});
