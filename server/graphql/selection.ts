import { type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/** The selection sets of the fields called `name` in `sets`, looking through fragments. */
function fieldSelections(sets: readonly SelectionSetNode[], name: string, fragments: Record<string, FragmentDefinitionNode>): SelectionSetNode[] {
  const found: SelectionSetNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name && selection.selectionSet) found.push(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return found;
}

/**
 * Whether the nodes of the connection (or list) being resolved ask for the object field `field`,
 * through `nodes`, `edges { node }` or directly, so a list query can join in what they will show.
 * `@skip`/`@include` are not evaluated: a skipped field only costs a join.
 */
export function nodesSelect(info: GraphQLResolveInfo, field: string): boolean {
  const own = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  const nodes = [
    own,
    fieldSelections(own, 'nodes', info.fragments),
    fieldSelections(fieldSelections(own, 'edges', info.fragments), 'node', info.fragments),
  ].flat();
  return fieldSelections(nodes, field, info.fragments).length > 0;
}
