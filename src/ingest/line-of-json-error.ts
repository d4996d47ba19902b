/** `JSON.parse`'s error position ("… at position 42") as a 1-based line, or 1. */
export function lineOfJsonError(text: string, error: Error): number {
  const position = /position (\d+)/.exec(error.message);
  if (!position) return 1;
  let line = 1;
  const end = Math.min(Number(position[1]), text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
