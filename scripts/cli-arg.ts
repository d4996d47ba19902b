/** The value after `name` (e.g. `--papers`) in this process's command line, or undefined when it is not given. */
export function cliArg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
