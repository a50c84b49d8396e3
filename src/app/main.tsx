import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './app-routes';
import { preloadRouteData } from './preload-route-data';
import { SERVER_RENDERED_ATTRIBUTE } from './server-rendered';
import './styles/fonts.css';
import './styles/base.css';

const routeData = preloadRouteData(window.location.pathname);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const app = (
  <StrictMode>
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  </StrictMode>
);

if (container.hasAttribute(SERVER_RENDERED_ATTRIBUTE)) {
  // The server sent this page's HTML (src/app/prerender.tsx): it stays on screen, readable, until
  // the page's data has come, and React then takes it over without redrawing it. Should anything
  // differ, React renders the page afresh in its place.
  void routeData.then(() => hydrateRoot(container, app));
} else {
  createRoot(container).render(app);
}
