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

/** Calls `visit` with every field selected in `set`, looking through fragments. */
function eachField(set: SelectionSetNode, scope: SelectionScope, visit: (field: FieldNode) => void): void {
  for (const selection of set.selections) {
    if (!included(selection, scope)) continue;
    if (selection.kind === Kind.FIELD) {
      visit(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      eachField(selection.selectionSet, scope, visit);
    } else {
      const fragment = scope.fragments[selection.name.value];
      if (fragment) eachField(fragment.selectionSet, scope, visit);
    }
  }
}

/** The selection sets of the fields called `name` in `sets`. */
function fieldSelections(sets: readonly SelectionSetNode[], name: string, scope: SelectionScope): SelectionSetNode[] {
  const found: SelectionSetNode[] = [];
  for (const set of sets) {
    eachField(set, scope, (field) => {
      if (field.name.value === name && field.selectionSet) found.push(field.selectionSet);
    });
  }
  return found;
}

/** The selection sets of the nodes of the connections selected by `sets`: `nodes` and `edges { node }`. */
function connectionNodeSelections(sets: readonly SelectionSetNode[], scope: SelectionScope): SelectionSetNode[] {
  return [...fieldSelections(sets, 'nodes', scope), ...fieldSelections(fieldSelections(sets, 'edges', scope), 'node', scope)];
}

/** The selection sets of the nodes of connections or lists selected by `sets`: `nodes`, `edges { node }` or direct. */
function nodeSelections(sets: readonly SelectionSetNode[], scope: SelectionScope): SelectionSetNode[] {
  return [...sets, ...connectionNodeSelections(sets, scope)];
}

/** The selection sets of the field at `path` below the nodes of the field being resolved (its own for an empty path). */
function selectionsAt(info: GraphQLResolveInfo, path: readonly string[], scope: SelectionScope): SelectionSetNode[] {
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const field of path) sets = fieldSelections(nodeSelections(sets, scope), field, scope);
  return sets;
}

/**
 * Answers by field group: every item of a list resolves with the same `fieldNodes` array (the
 * executor collects a list's subfields once per request), so the selection is walked once per list.
 */
const answersByFieldNodes = new WeakMap<readonly FieldNode[], Map<string, unknown>>();

function memoized<T>(info: GraphQLResolveInfo, key: string, answer: (scope: SelectionScope) => T): T {
  let answers = answersByFieldNodes.get(info.fieldNodes);
  if (!answers) {
    answers = new Map();
    answersByFieldNodes.set(info.fieldNodes, answers);
  }
  if (answers.has(key)) return answers.get(key) as T;
  const value = answer({ fragments: info.fragments, variables: info.variableValues });
  answers.set(key, value);
  return value;
}

/**
 * Whether the nodes of the connection (or list) being resolved ask for the object field `path[0]`,
 * through `nodes`, `edges { node }` or directly; with more names, whether that field's nodes ask
 * for `path[1]`, and so on. Lets a list query join in, or load ahead, what its nodes will show.
 * Fields left out by `@skip`/`@include` do not count.
 */
export function nodesSelect(info: GraphQLResolveInfo, ...path: [string, ...string[]]): boolean {
  return memoized(info, `select:${path.join('.')}`, (scope) => selectionsAt(info, path, scope).length > 0);
}

/**
 * The names of the fields asked of the nodes of the connection at `path` (as in `nodesSelect`; the
 * field being resolved for an empty path), in `nodes { … }` or `edges { node { … } }`; with
 * `of: 'object'`, the names of the fields asked of the object field at `path` itself.
 */
export function nodeFieldNames(info: GraphQLResolveInfo, path: readonly string[], of: 'connection' | 'object'): ReadonlySet<string> {
  return memoized(info, `names:${of}:${path.join('.')}`, (scope) => {
    const at = selectionsAt(info, path, scope);
    const names = new Set<string>();
    for (const set of of === 'connection' ? connectionNodeSelections(at, scope) : at) eachField(set, scope, (field) => names.add(field.name.value));
    return names;
  });
}
