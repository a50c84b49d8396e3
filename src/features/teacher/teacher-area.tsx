import { NavLink, Outlet, useNavigate } from 'react-router';
import { LoadError, Loading } from '../../components/load-error';
import { assignmentApi } from '../../lib/assignment-api-client';
import { getHref } from '../../lib/paths';
import { useResource } from '../../lib/use-resource';
import { ActionProblem } from './components/action-problem';
import { RedirectToLogin } from './components/teacher-load-error';
import { useTeacherAction } from './hooks/use-teacher-action';
import { isSignedOut } from './problems';
import './teacher.css';

/**
 * The frame of every signed-in teacher page: it checks the session (without one it goes to the
 * login page and comes back afterwards), names the teacher, and links the teacher's pages.
 */
export function TeacherArea() {
  const { resource, reload } = useResource({
    key: 'teacher:me',
    load: () => assignmentApi.getTeacher(),
  });

  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') {
    if (isSignedOut(resource.error)) return <RedirectToLogin />;
    return (
      <>
        <h1>Teacher pages</h1>
        <LoadError error={resource.error} onRetry={reload} />
      </>
    );
  }
  const teacher = resource.data;
  return (
    <>
      <div className="teacher-bar">
        <nav aria-label="Teacher" className="teacher-nav">
          <NavLink to={getHref.teacherDashboard()} end>
            Assignments
          </NavLink>
          <NavLink to={getHref.newAssignment()}>New assignment</NavLink>
        </nav>
        <div className="teacher-account">
          <p className="muted">Signed in as {teacher.name}</p>
          <LogOutButton />
          <LogOutButton everywhere />
        </div>
      </div>
      <Outlet />
    </>
  );
}

/**
 * Logs out of this browser, or `everywhere`: every session of the teacher ends, on every device,
 * e.g. after logging in on a shared computer.
 */
function LogOutButton({ everywhere = false }: { everywhere?: boolean }) {
  const navigate = useNavigate();
  const { busy, problem, act } = useTeacherAction();

  const logOut = () =>
    act(async () => {
      await (everywhere ? assignmentApi.logOutEverywhere() : assignmentApi.logOut());
      await navigate(getHref.teacherLogin(), {
        replace: true,
        state: { signedOut: everywhere ? 'everywhere' : 'here' },
      });
    });

  return (
    <>
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        onClick={() => void logOut()}
      >
        {everywhere ? 'Log out everywhere' : 'Log out'}
      </button>
      <ActionProblem problem={problem} lead="You are still signed in: " />
    </>
  );
}
