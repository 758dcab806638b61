import { type DocumentNode, GraphQLError, visit } from 'graphql';

/** PostgreSQL text cannot hold NUL, so a NUL in any string input is refused up front, by name. */
function nulInVariables(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulInVariables(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulInVariables(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function nulInLiterals(document: DocumentNode): string | null {
  let found: string | null = null;
  const names: string[] = [];
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    StringValue(node) {
      if (!found && node.value.includes('\u0000')) found = names.join('.') || 'argument';
    },
  });
  return found;
}

export function nulCharacterError(document: DocumentNode, variables: Record<string, unknown> | undefined): GraphQLError | null {
  const where = nulInLiterals(document) ?? nulInVariables(variables ?? {}, '$');
  if (!where) return null;
  const name = where.startsWith('$.') ? `$${where.slice(2)}` : where;
  return new GraphQLError(`${name} must not contain NUL characters`, { extensions: { code: 'ARGUMENT_ERROR', argument: name } });
}

