import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { nodeFieldNames, nodesSelect } from './selection';

/** The resolve info of the document's first root field, as far as the selection helpers read it. */
function infoOf(document: string, variableValues: Record<string, unknown> = {}): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    parsed.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const fieldNodes = [operation.selectionSet.selections[0] as FieldNode];
  return { fieldNodes, fragments, variableValues } as unknown as GraphQLResolveInfo;
}

describe('nodesSelect', () => {
  it('finds a field of the nodes through nodes, edges { node } and fragments', () => {
    expect(nodesSelect(infoOf('{ issues { nodes { contacts { nodes { id } } } } }'), 'contacts')).toBe(true);
    expect(nodesSelect(infoOf('{ issues { edges { node { contacts { nodes { id } } } } } }'), 'contacts')).toBe(true);
    expect(nodesSelect(infoOf('{ issues { nodes { ...F } } } fragment F on Issue { contacts { count } }'), 'contacts')).toBe(true);
    expect(nodesSelect(infoOf('{ issues { nodes { title } } }'), 'contacts')).toBe(false);
  });

  it('follows a path through the nodes of nested connections and objects', () => {
    const info = infoOf('{ issues { nodes { contacts { edges { node { organization { name } } } } } } }');
    expect(nodesSelect(info, 'contacts', 'organization')).toBe(true);
    expect(nodesSelect(info, 'contacts', 'email')).toBe(false);
  });

  it('leaves out fields skipped by @skip or @include', () => {
    const document = 'query ($with: Boolean!) { issues { nodes { contacts @include(if: $with) { nodes { id } } } } }';
    expect(nodesSelect(infoOf(document, { with: true }), 'contacts')).toBe(true);
    expect(nodesSelect(infoOf(document, { with: false }), 'contacts')).toBe(false);
    expect(nodesSelect(infoOf('{ issues { nodes { ... @skip(if: true) { contacts { count } } } } }'), 'contacts')).toBe(false);
  });
});

describe('nodeFieldNames', () => {
  it("names the fields asked of a connection's nodes, not of the connection", () => {
    const info = infoOf('{ contacts { count pageInfo { hasNextPage } nodes { id email } edges { cursor node { phone ...O } } } } fragment O on Contact { organization { id } }');
    expect([...nodeFieldNames(info, [], 'connection')].sort()).toEqual(['email', 'id', 'organization', 'phone']);
    expect([...nodeFieldNames(info, ['organization'], 'object')]).toEqual(['id']);
  });

  it('names the fields of a connection below the nodes of the list being resolved', () => {
    const info = infoOf('{ issues { nodes { iid contacts { nodes { firstName organization { name __typename } } } } } }');
    expect([...nodeFieldNames(info, ['contacts'], 'connection')].sort()).toEqual(['firstName', 'organization']);
    expect([...nodeFieldNames(info, ['contacts', 'organization'], 'object')].sort()).toEqual(['__typename', 'name']);
    expect(nodeFieldNames(info, ['notes'], 'connection').size).toBe(0);
  });
});
