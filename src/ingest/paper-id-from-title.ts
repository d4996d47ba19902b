import { createHash } from 'node:crypto';

/** Title normalized so that case, spacing and Unicode variants of the same title give the same id. */
function normalizeTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A stable id for a paper that came without one: a readable slug of the title plus a short hash of the
 * normalized title, so two titles that slug alike still get different ids.
 */
export function paperIdFromTitle(title: string): string {
  const normalized = normalizeTitle(title);
  const slug = normalized
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const hash = createHash('sha256').update(normalized).digest('hex').slice(0, 10);
  return slug === '' ? `paper-${hash}` : `${slug}-${hash}`;
}
