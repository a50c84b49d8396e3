import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { getHref } from '../lib/paths';

/**
 * The frame of every page: a skip link, the site header and the main landmark. After a client-side
 * navigation, focus moves to the main landmark so keyboard and screen-reader users start at the
 * new page, as they would after a full page load.
 */
export function AppLayout() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);

  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link className="site-name" to={getHref.library()}>
            <svg
              className="site-logo"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 24 24"
              width="26"
              height="26"
            >
              <rect className="site-logo-page" x="3.5" y="2" width="17" height="20" rx="2.5" />
              <path className="site-logo-marker" d="M7 11.5h10" />
              <path className="site-logo-line" d="M7 6.5h10M7 11.5h10M7 16.5h4" />
              <path className="site-logo-check" d="M13 16.5l2 2 4.5-5" />
            </svg>
            <span>
              Read<span className="site-name-mark">proof</span>
            </span>
          </Link>
          <nav aria-label="Site" className="site-nav">
            <Link to={getHref.library()}>Library</Link>
            <Link to={getHref.joinForm()}>Join with a code</Link>
            <Link to={getHref.teacherDashboard()}>For teachers</Link>
          </nav>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="page">
        <Outlet />
      </main>
    </>
  );
}
