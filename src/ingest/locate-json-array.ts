/**
 * The 1-based line on which each element of a top-level JSON array starts, so that a `.json` file holding an
 * array reports its bad records by line like a JSON Lines file. Only strings and nesting are tracked; the text
 * is parsed with `JSON.parse` anyway.
 */
export function locateJsonArrayElements(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (depth === 1 && expectValue && c !== ']') {
      lines.push(line);
      expectValue = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectValue = true;
  }
  return lines;
}

/** `JSON.parse`'s error position ("… at position 42") as a 1-based line, or 1. */
export function lineOfJsonError(text: string, error: Error): number {
  const position = /position (\d+)/.exec(error.message);
  if (!position) return 1;
  let line = 1;
  const end = Math.min(Number(position[1]), text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
