import {
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLResolveInfo,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getDirectiveValues,
  type InlineFragmentNode,
  Kind,
  type SelectionSetNode,
} from 'graphql';

interface SelectionScope {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: GraphQLResolveInfo['variableValues'];
}

/** Whether `@skip`/`@include` keep the selection in this request. */
function included(selection: FieldNode | FragmentSpreadNode | InlineFragmentNode, scope: SelectionScope): boolean {
  if (!selection.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, selection, scope.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, selection, scope.variables)?.if !== false;
}

/** Adds to `found` the selection sets of the fields called `name` in `set`, looking through fragments. */
function collectFieldSelections(set: SelectionSetNode, name: string, scope: SelectionScope, found: SelectionSetNode[]): void {
  for (const selection of set.selections) {
    if (!included(selection, scope)) continue;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name && selection.selectionSet) found.push(selection.selectionSet);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectFieldSelections(selection.selectionSet, name, scope, found);
    } else {
      const fragment = scope.fragments[selection.name.value];
      if (fragment) collectFieldSelections(fragment.selectionSet, name, scope, found);
    }
  }
}

function fieldSelections(sets: readonly SelectionSetNode[], name: string, scope: SelectionScope): SelectionSetNode[] {
  const found: SelectionSetNode[] = [];
  for (const set of sets) collectFieldSelections(set, name, scope, found);
  return found;
}

/** The selection sets of the nodes of connections (or lists) selected by `sets`: `nodes`, `edges { node }` or direct. */
function nodeSelections(sets: readonly SelectionSetNode[], scope: SelectionScope): SelectionSetNode[] {
  return [...sets, ...fieldSelections(sets, 'nodes', scope), ...fieldSelections(fieldSelections(sets, 'edges', scope), 'node', scope)];
}

/**
 * Answers by field group: every item of a list resolves with the same `fieldNodes` array (the
 * executor collects a list's subfields once per request), so the selection is walked once per list.
 */
const answersByFieldNodes = new WeakMap<readonly FieldNode[], Map<string, boolean>>();

/**
 * Whether the nodes of the connection (or list) being resolved ask for the object field `path[0]`,
 * through `nodes`, `edges { node }` or directly; with more names, whether that field's nodes ask
 * for `path[1]`, and so on. Lets a list query join in, or load ahead, what its nodes will show.
 * Fields left out by `@skip`/`@include` do not count.
 */
export function nodesSelect(info: GraphQLResolveInfo, ...path: [string, ...string[]]): boolean {
  const key = path.join('.');
  let answers = answersByFieldNodes.get(info.fieldNodes);
  const known = answers?.get(key);
  if (known !== undefined) return known;
  const scope: SelectionScope = { fragments: info.fragments, variables: info.variableValues };
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet && included(node, scope) ? [node.selectionSet] : []));
  for (const field of path) sets = fieldSelections(nodeSelections(sets, scope), field, scope);
  const answer = sets.length > 0;
  if (!answers) {
    answers = new Map();
    answersByFieldNodes.set(info.fieldNodes, answers);
  }
  answers.set(key, answer);
  return answer;
}
