/**
 * History API routing: links marked `data-nav` and `navigate()` push a new entry and render it without a page
 * load; the back and forward buttons render the entry they return to.
 */
export function startRouter(render: (url: URL) => void): { navigate(href: string, options?: { replace?: boolean }): void } {
  const navigate = (href: string, options: { replace?: boolean } = {}) => {
    const url = new URL(href, location.href);
    if (options.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    render(url);
  };
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a[data-nav]');
    if (!(anchor instanceof HTMLAnchorElement) || anchor.origin !== location.origin) return;
    event.preventDefault();
    navigate(anchor.href);
  });
  window.addEventListener('popstate', () => render(new URL(location.href)));
  render(new URL(location.href));
  return { navigate };
}
