import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, installFakeServer } from './fake-server';
import {
  bankSummary,
  PAGE_LOAD,
  publicBank,
  renderAt,
  signUpAs,
  TEACHER,
} from './teacher-fixtures';

const signedOut = () => apiError(401, 'not-signed-in', 'Log in to see this page.');

describe('signing up', () => {
  it('shows the password rule and ties each problem to its field', async () => {
    const server = installFakeServer({});
    const user = userEvent.setup();
    renderAt('/teacher/signup');

    const password = await screen.findByLabelText('Password', {}, PAGE_LOAD);
    expect(password).toHaveAccessibleDescription(/At least 10 characters/);
    await user.type(screen.getByLabelText('Your name'), 'Ms Rivera');
    await user.type(screen.getByLabelText('Email'), 'rivera@school');
    await user.type(password, 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const summary = screen.getByRole('alert', { name: 'There are 2 problems' });
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      'Type a whole email address.',
    );
    expect(screen.getByLabelText('Email')).toBeInvalid();
    expect(password).toHaveAccessibleDescription(/has at least 10 characters: this one has 5/);
    expect(screen.getByLabelText('Your name')).toBeValid();

    await user.click(within(summary).getByRole('link', { name: /has at least 10 characters/ }));
    expect(password).toHaveFocus();
    expect(server.requests).toEqual([]);
  });

  it('says at the email field when the email already has an account', async () => {
    const server = installFakeServer({
      'POST /api/teacher/signup': () =>
        apiError(409, 'email-taken', 'An account with this email already exists: log in instead.'),
    });
    await signUpAs(' Ms Rivera ');

    expect(await screen.findByRole('alert', { name: 'There is a problem' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      'An account with this email already exists: log in instead.',
    );
    expect(server.requestsTo('POST /api/teacher/signup')[0]?.body).toEqual({
      name: 'Ms Rivera',
      email: 'rivera@school.example',
      password: 'correct horse battery',
    });
  });

  it('opens the dashboard once the account exists', async () => {
    installFakeServer({
      'POST /api/teacher/signup': () => TEACHER,
      'GET /api/teacher/me': () => TEACHER,
      'GET /api/teacher/assignments': () => [],
    });
    await signUpAs('Ms Rivera');

    expect(
      await screen.findByRole('heading', { name: 'Your assignments' }, PAGE_LOAD),
    ).toBeInTheDocument();
    expect(screen.getByText('Signed in as Ms Rivera')).toBeInTheDocument();
    expect(await screen.findByText('You have no assignments yet.')).toBeInTheDocument();
  });
});

describe('logging in', () => {
  it('announces a wrong password without saying which field was wrong', async () => {
    installFakeServer({
      'POST /api/teacher/login': () =>
        apiError(401, 'invalid-credentials', 'The email or the password is not right.'),
    });
    const user = userEvent.setup();
    renderAt('/teacher/login');

    await user.type(await screen.findByLabelText('Email', {}, PAGE_LOAD), 'rivera@school.example');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByText('The email or the password is not right.')).toBeInTheDocument();
    expect(
      screen.getByText('The email or the password is not right.').closest('[role="alert"]'),
    ).not.toBeNull();
    expect(screen.getByLabelText('Email')).toBeValid();
  });

  it('says once how long to wait after too many tries, until the wait is over', async () => {
    let wait = { seconds: 240, said: '4 minutes' };
    installFakeServer({
      'POST /api/teacher/login': () =>
        apiError(429, 'too-many-attempts', `Too many tries. Try again in ${wait.said}.`, {
          retryAfterSeconds: wait.seconds,
        }),
    });
    const user = userEvent.setup();
    renderAt('/teacher/login');

    await user.type(await screen.findByLabelText('Email', {}, PAGE_LOAD), 'rivera@school.example');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Too many tries. Try again in 4 minutes.'));
    expect(screen.getAllByText(/try again/i)).toHaveLength(1);

    // A one-second wait, waited out for real (hence the longer test timeout): the message goes
    // once it is over.
    wait = { seconds: 1, said: '1 second' };
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(alert).toHaveTextContent('Try again in 1 second.'));
    await waitFor(() => expect(alert).toBeEmptyDOMElement(), { timeout: 5000 });
    expect(screen.queryByText(/try again/i)).toBeNull();
  }, 15_000);

  it('sends a signed-out teacher to log in, then back to the page they asked for', async () => {
    let signedIn = false;
    installFakeServer({
      'GET /api/teacher/me': () => (signedIn ? TEACHER : signedOut()),
      'POST /api/teacher/login': () => {
        signedIn = true;
        return TEACHER;
      },
      'GET /api/banks': () => [bankSummary],
      [`GET /api/banks/${bankSummary.id}`]: () => publicBank,
    });
    const user = userEvent.setup();
    renderAt('/teacher/assignments/new');

    expect(
      await screen.findByRole('heading', { name: 'Teacher login' }, PAGE_LOAD),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('Email'), 'rivera@school.example');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(
      await screen.findByRole('heading', { name: 'New assignment' }, PAGE_LOAD),
    ).toBeInTheDocument();
  });

  it.each([
    {
      title: 'logs out on every device and says so',
      button: 'Log out everywhere',
      route: 'POST /api/teacher/logout-all',
      notice: 'You are logged out on every device.',
    },
    {
      title: 'logs out and says so',
      button: 'Log out',
      route: 'POST /api/teacher/logout',
      notice: 'You are logged out.',
    },
  ])('$title', async ({ button, route, notice }) => {
    const logOutRoutes = ['POST /api/teacher/logout', 'POST /api/teacher/logout-all'];
    const server = installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      'GET /api/teacher/assignments': () => [],
      [route]: () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderAt('/teacher');

    await user.click(await screen.findByRole('button', { name: button }, PAGE_LOAD));

    expect(
      await screen.findByRole('heading', { name: 'Teacher login' }, PAGE_LOAD),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(notice);
    for (const other of logOutRoutes) {
      expect(server.requestsTo(other)).toHaveLength(other === route ? 1 : 0);
    }
  });
});
