export const CONCEPT_TYPES = ['METHOD', 'TASK', 'DATASET', 'METRIC'] as const;
export type ConceptType = (typeof CONCEPT_TYPES)[number];

/** Colours per concept type, also used by the graph; each text colour is ≥ 4.5:1 on its background. */
export const TYPE_COLOURS: Record<ConceptType, { strong: string; tint: string; label: string }> = {
  METHOD: { strong: '#0b5cad', tint: '#d6e8ff', label: 'Method' },
  TASK: { strong: '#18703a', tint: '#d3f3dc', label: 'Task' },
  DATASET: { strong: '#a14300', tint: '#ffe2c7', label: 'Dataset' },
  METRIC: { strong: '#7034c8', tint: '#ecdfff', label: 'Metric' },
};
export const PAPER_COLOUR = '#4b5563';

export function isConceptType(value: unknown): value is ConceptType {
  return typeof value === 'string' && (CONCEPT_TYPES as readonly string[]).includes(value);
}

export interface ConceptRef {
  id: string;
  name: string;
  type: ConceptType;
}

export interface PaperRef {
  id: string;
  title: string;
  published?: string | null;
}

export interface Mention {
  field: string;
  start: number;
  end: number;
  text: string;
}

export const explorePath = {
  home: () => '/explore',
  paper: (id: string) => `/explore/paper/${encodeURIComponent(id)}`,
  concept: (id: string) => `/explore/concept/${encodeURIComponent(id)}`,
  paperGraph: (id: string) => `/explore/paper/${encodeURIComponent(id)}/graph`,
  conceptGraph: (id: string) => `/explore/concept/${encodeURIComponent(id)}/graph`,
  dashboard: () => '/explore/dashboard',
};
