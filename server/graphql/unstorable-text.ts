import { type DocumentNode, GraphQLError, visit } from 'graphql';

/**
 * Text PostgreSQL cannot store as given is refused up front, by name: a NUL (text cannot hold it)
 * and an unpaired UTF-16 surrogate (it has no UTF-8 form; a driver would silently replace it, and
 * jsonb refuses its escape, which failed the audit insert as an internal error).
 */
function problemWith(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (!value.isWellFormed()) return 'must not contain unpaired surrogates (invalid Unicode)';
  return null;
}

interface Found {
  path: string;
  problem: string;
}

function inVariables(value: unknown, path: string): Found | null {
  if (typeof value === 'string') {
    const problem = problemWith(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = inVariables(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = inVariables(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** What `inLiterals` found in each document: Yoga hands the same parsed document to every request with the same text. */
const literalsChecked = new WeakMap<DocumentNode, Found | null>();

function inLiterals(document: DocumentNode): Found | null {
  const known = literalsChecked.get(document);
  if (known !== undefined) return known;
  const found = findInLiterals(document);
  literalsChecked.set(document, found);
  return found;
}

function findInLiterals(document: DocumentNode): Found | null {
  let found: Found | null = null;
  const names: string[] = [];
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    StringValue(node) {
      const problem = found ? null : problemWith(node.value);
      if (problem) found = { path: names.join('.') || 'argument', problem };
    },
  });
  return found;
}

export function unstorableTextError(document: DocumentNode, variables: Record<string, unknown> | undefined): GraphQLError | null {
  const found = inLiterals(document) ?? inVariables(variables ?? {}, '$');
  if (!found) return null;
  const name = found.path.startsWith('$.') ? `$${found.path.slice(2)}` : found.path;
  return new GraphQLError(`${name} ${found.problem}`, { extensions: { code: 'ARGUMENT_ERROR', argument: name } });
}
