/** What a view gets from the shell: where to render, how to navigate, and whether it is still the current view. */
export interface ViewContext {
  main: HTMLElement;
  navigate(href: string, options?: { replace?: boolean }): void;
  setTitle(title: string): void;
  /** False once the user has moved on, so a slow answer does not overwrite the newer view. */
  isCurrent(): boolean;
}
