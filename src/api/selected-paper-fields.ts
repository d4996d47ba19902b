import { Kind } from 'graphql';
import type { FieldNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';
import { PAPER_FIELDS } from '../graph/index.js';
import type { PaperField } from '../graph/index.js';

/** Paper fields that read nothing of the parent but its id (they go through loaders). */
const ID_ONLY = new Set(['id', '__typename', 'concepts', 'related']);

type Fragments = Record<string, FragmentDefinitionNode>;

/** The fields selected directly under `nodes`, by name (aliases and fragments resolved), with their nodes. */
function collect(selectionSet: SelectionSetNode | undefined, fragments: Fragments, into: Map<string, FieldNode[]>): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const list = into.get(selection.name.value) ?? [];
      list.push(selection);
      into.set(selection.name.value, list);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, fragments, into);
    } else {
      collect(fragments[selection.name.value]?.selectionSet, fragments, into);
    }
  }
}

export function selectedFields(nodes: readonly FieldNode[], fragments: Fragments): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  for (const node of nodes) collect(node.selectionSet, fragments, fields);
  return fields;
}

/**
 * The paper properties a connection field (`nodes { … }`, `edges { node { … } }`) asks for, so a list read
 * can leave the rest out (abstracts are most of a paper's bytes). Undefined, meaning read everything, when
 * all are asked or when a field not known to need only the id is, so an unforeseen field never gets an
 * empty value.
 */
export function paperFieldsOfConnection(connection: readonly FieldNode[], fragments: Fragments): PaperField[] | undefined {
  const outer = selectedFields(connection, fragments);
  const edges = selectedFields(outer.get('edges') ?? [], fragments);
  const paper = selectedFields([...(outer.get('nodes') ?? []), ...(edges.get('node') ?? [])], fragments);
  const known = new Set<string>([...ID_ONLY, ...PAPER_FIELDS]);
  if ([...paper.keys()].some((name) => !known.has(name))) return undefined;
  const asked = PAPER_FIELDS.filter((field) => paper.has(field));
  return asked.length === PAPER_FIELDS.length ? undefined : asked;
}
