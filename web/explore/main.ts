import { h, link } from './dom.js';
import { parseRoute, type Route } from './route.js';
import { startRouter } from './router.js';
import { explorePath } from './types.js';
import { renderConcept } from './views/concept.js';
import { renderDashboard } from './views/dashboard.js';
import { renderGraph } from './views/graph.js';
import { renderPaper } from './views/paper.js';
import { renderSearch } from './views/search.js';
import type { ViewContext } from './views/view-context.js';
import { errorBox } from './widgets.js';
import './explore.css';

const main = h('main', { id: 'main', tabindex: '-1' });
const navLink = (href: string, label: string, section: string) => {
  const anchor = link(href, label);
  anchor.dataset['section'] = section;
  return anchor;
};
const nav = h(
  'nav',
  { 'aria-label': 'Main' },
  navLink(explorePath.home(), 'Search', 'search'),
  navLink(explorePath.dashboard(), 'Dashboard', 'dashboard'),
  h('a', { href: '/graphql' }, 'GraphiQL'),
);
document.getElementById('root')?.replaceWith(
  h('a', { class: 'skip', href: '#main' }, 'Skip to content'),
  h('header', { class: 'top' }, link(explorePath.home(), h('strong', {}, 'papergraph'), ' explorer'), nav),
  main,
);

const sectionOf = (route: Route) => (route.view === 'dashboard' ? 'dashboard' : route.view === 'search' ? 'search' : '');

let generation = 0;
let firstRender = true;

async function render(url: URL): Promise<void> {
  const current = ++generation;
  const route = parseRoute(url);
  for (const anchor of nav.querySelectorAll<HTMLAnchorElement>('a[data-section]')) {
    if (anchor.dataset['section'] === sectionOf(route)) anchor.setAttribute('aria-current', 'page');
    else anchor.removeAttribute('aria-current');
  }
  const context: ViewContext = {
    main,
    navigate: (href, options) => router.navigate(href, options),
    setTitle: (title) => (document.title = `${title} · papergraph explorer`),
    isCurrent: () => current === generation,
  };
  main.setAttribute('aria-busy', 'true');
  try {
    switch (route.view) {
      case 'search':
        await renderSearch(context, route.params);
        break;
      case 'paper':
        await renderPaper(context, route.id);
        break;
      case 'concept':
        await renderConcept(context, route.id);
        break;
      case 'paper-graph':
        await renderGraph(context, 'paper', route.id);
        break;
      case 'concept-graph':
        await renderGraph(context, 'concept', route.id);
        break;
      case 'dashboard':
        await renderDashboard(context);
        break;
      case 'not-found':
        context.setTitle('Not found');
        main.replaceChildren(h('h1', { tabindex: '-1' }, 'Not found'), h('p', {}, `Nothing lives at ${route.path}. `, link(explorePath.home(), 'Search the graph.')));
    }
  } catch (error) {
    if (current === generation) main.replaceChildren(h('h1', { tabindex: '-1' }, 'Something went wrong'), errorBox(error));
  }
  if (current !== generation) return;
  main.setAttribute('aria-busy', 'false');
  // Move focus to the new view's heading, as a page load would, so keyboard and screen reader users land there.
  if (!firstRender) main.querySelector<HTMLElement>('h1')?.focus();
  if (!firstRender && !location.hash) window.scrollTo(0, 0);
  firstRender = false;
}

const router = startRouter((url) => void render(url));
