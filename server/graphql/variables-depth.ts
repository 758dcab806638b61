import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * How deeply `variables` and `extensions` may nest. Rapport's deepest input is an input object
 * holding a list (depth 3); without a bound, JSON nested thousands of levels deep reached the
 * recursive walks of variable coercion and failed with a 500.
 */
export const maxVariablesDepth = 32;

/** The nesting depth of a parsed JSON value, walked without recursion; stops once past `limit`. */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

function tooDeep(name: 'variables' | 'extensions'): GraphQLError {
  return new GraphQLError(`The request's \`${name}\` are nested too deeply (maximum depth is ${maxVariablesDepth})`, {
    extensions: { code: 'BAD_REQUEST', limit: maxVariablesDepth, http: { status: 400 } },
  });
}

/** Refuses over-nested `variables`/`extensions` with a 400 naming the limit, before any GraphQL work. */
export const variablesDepthLimit: Plugin = {
  onParams({ params }) {
    if (jsonDepthExceeds(params.variables, maxVariablesDepth)) throw tooDeep('variables');
    if (jsonDepthExceeds(params.extensions, maxVariablesDepth)) throw tooDeep('extensions');
  },
};
