import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  getNamedType,
  getOperationAST,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type InlineFragmentNode,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
import type { Viewer } from '../auth/viewer';

/**
 * Request limits (SPEC §4). Depth and complexity are GitLab's (`app/graphql/gitlab_schema.rb`):
 * depth 15 anonymous / 20 signed in; complexity 200 anonymous / 250 signed in / 300 admin. The
 * query-text limit is GitLab's `GraphqlController::MAX_QUERY_SIZE`. GitLab has no alias or body
 * limit; those are ours.
 */
export const requestLimits = {
  maxDepth: { anonymous: 15, authenticated: 20 },
  maxComplexity: { anonymous: 200, authenticated: 250, admin: 300 },
  maxAliases: 30,
  /** Characters of GraphQL text per request (summed over a batch), as GitLab counts them. */
  maxQueryLength: 10_000,
  maxBodyBytes: 1024 * 1024,
  maxBatchSize: 10,
  /** GitLab's `default_max_page_size`: the page size assumed when `first`/`last` is not given. */
  maxPageSize: 100,
} as const;

/**
 * A pathological document (fragments fanning out at every level) can describe millions of fields in
 * a few kilobytes. Every field costs at least 1, so past this many the walk stops: the query is far
 * over any budget already.
 */
const maxFieldsWalked = 10_000;

export interface OperationLimits {
  maxDepth: number;
  maxComplexity: number;
  maxAliases: number;
}

export function limitsFor(viewer: Viewer): OperationLimits {
  const { maxDepth, maxComplexity, maxAliases } = requestLimits;
  if (!viewer.user) return { maxDepth: maxDepth.anonymous, maxComplexity: maxComplexity.anonymous, maxAliases };
  return {
    maxDepth: maxDepth.authenticated,
    maxComplexity: viewer.user.admin ? maxComplexity.admin : maxComplexity.authenticated,
    maxAliases,
  };
}

export interface OperationCost {
  depth: number;
  complexity: number;
  aliases: number;
  /** The walk stopped early: `complexity` is a lower bound and `depth` is not known. */
  truncated: boolean;
}

type Variables = Readonly<Record<string, unknown>>;

interface CollectedField {
  /** The type the field was selected on (a fragment's type condition, when inside one). */
  owner: GraphQLNamedType;
  nodes: FieldNode[];
}

class TooManyFields extends Error {}

/**
 * Measures an operation the way graphql-ruby does for GitLab: depth counts nested fields (fragments
 * add none); complexity is 1 per field plus its children, fields with the same response key counted
 * once. Connection fields are priced as GitLab prices its resolver-backed lists
 * (`Types::BaseField#field_resolver_complexity`, `Resolvers::BaseResolver`): children + 1, +1 with a
 * `sort`, +5 with a `search`, then +1% per item of the page size (`first`/`last`, default 100).
 *
 * One difference: `__schema` and `__type` cost nothing. They read the in-memory schema, and GitLab
 * needs a special budget (217) for its own GraphiQL's schema fetch; graphql-js's costs 220 to 230.
 * They still count for depth and aliases.
 */
class OperationMeter {
  private fieldsWalked = 0;
  private readonly fragmentAliases = new Map<string, number>();
  /** Whether the cost depended on a variable's value (a page size or an `@include` condition). */
  readVariables = false;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Variables,
  ) {}

  measure(operation: OperationDefinitionNode): OperationCost {
    const root = this.schema.getRootType(operation.operation);
    const aliases = this.countAliases(operation.selectionSet);
    if (!root) return { depth: 0, complexity: 0, aliases, truncated: false };
    try {
      const { complexity, depth } = this.measureSelections(root, [operation.selectionSet]);
      return { depth, complexity, aliases, truncated: false };
    } catch (error) {
      if (!(error instanceof TooManyFields)) throw error;
      return { depth: 0, complexity: maxFieldsWalked, aliases, truncated: true };
    }
  }

  private measureSelections(type: GraphQLNamedType, selectionSets: readonly SelectionSetNode[]) {
    let complexity = 0;
    let depth = 0;
    for (const { owner, nodes } of this.collectFields(type, selectionSets).values()) {
      this.fieldsWalked += 1;
      if (this.fieldsWalked > maxFieldsWalked) throw new TooManyFields();
      const first = nodes[0]!;
      const field = this.fieldDefinition(owner, first.name.value);
      const childSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
      const children =
        field && childSets.length > 0 ? this.measureSelections(getNamedType(field.type), childSets) : { complexity: 0, depth: 0 };
      complexity += this.fieldComplexity(field, first, children.complexity);
      depth = Math.max(depth, children.depth + 1);
    }
    return { complexity, depth };
  }

  /** Fields selected on `type`, fragments expanded, grouped by response key as execution merges them. */
  private collectFields(
    type: GraphQLNamedType,
    selectionSets: readonly SelectionSetNode[],
    into = new Map<string, CollectedField>(),
    spreadFragments = new Set<string>(),
  ): Map<string, CollectedField> {
    for (const selectionSet of selectionSets) {
      for (const selection of selectionSet.selections) {
        if (!this.isIncluded(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const collected = into.get(key);
          if (collected) collected.nodes.push(selection);
          else into.set(key, { owner: type, nodes: [selection] });
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition && this.schema.getType(selection.typeCondition.name.value);
          this.collectFields(condition ?? type, [selection.selectionSet], into, spreadFragments);
        } else {
          const name = selection.name.value;
          const fragment = this.fragments.get(name);
          // A fragment spread twice into one selection adds the same fields twice: they merge.
          if (!fragment || spreadFragments.has(name)) continue;
          spreadFragments.add(name);
          const condition = this.schema.getType(fragment.typeCondition.name.value);
          this.collectFields(condition ?? type, [fragment.selectionSet], into, spreadFragments);
        }
      }
    }
    return into;
  }

  private fieldDefinition(owner: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
    if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
    if (owner === this.schema.getQueryType()) {
      if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
      if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    }
    return isObjectType(owner) || isInterfaceType(owner) ? owner.getFields()[name] : undefined;
  }

  private fieldComplexity(field: GraphQLField<unknown, unknown> | undefined, node: FieldNode, childComplexity: number): number {
    if (field === SchemaMetaFieldDef || field === TypeMetaFieldDef) return 0;
    if (!field || !isConnection(field)) return 1 + childComplexity;
    const args = this.argumentValues(field, node);
    let complexity = childComplexity + 1;
    if (args.sort != null) complexity += 1;
    if (args.search != null) complexity += 5;
    const sizes = [args.first, args.last, requestLimits.maxPageSize].filter((size): size is number => typeof size === 'number');
    const pageSize = Math.max(0, Math.min(...sizes));
    const perItem = args.iid != null || args.iids != null ? 0 : 0.01;
    return Math.floor(complexity + complexity * pageSize * perItem);
  }

  private argumentValues(field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const definition of field.args) {
      const argument = node.arguments?.find((candidate) => candidate.name.value === definition.name);
      const value = argument ? this.valueOf(argument.value) : undefined;
      values[definition.name] = value === undefined ? definition.defaultValue : value;
    }
    return values;
  }

  private isIncluded(node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean {
    for (const directive of node.directives ?? []) {
      const name = directive.name.value;
      if (name !== 'skip' && name !== 'include') continue;
      const condition = directive.arguments?.find((argument) => argument.name.value === 'if');
      const value = condition ? this.valueOf(condition.value) : undefined;
      if ((name === 'skip' && value === true) || (name === 'include' && value === false)) return false;
    }
    return true;
  }

  private valueOf(node: ValueNode): unknown {
    if (containsVariable(node)) this.readVariables = true;
    return valueFromASTUntyped(node, this.variables);
  }

  /** Every alias in the operation, fragments counted once per spread (memoized per fragment). */
  private countAliases(selectionSet: SelectionSetNode): number {
    let count = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) count += 1;
        if (selection.selectionSet) count += this.countAliases(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += this.countAliases(selection.selectionSet);
      } else {
        count += this.aliasesInFragment(selection.name.value);
      }
    }
    return count;
  }

  private aliasesInFragment(name: string): number {
    const known = this.fragmentAliases.get(name);
    if (known !== undefined) return known;
    // Provisional 0 guards against a cycle; validation has refused cyclic fragments before this runs.
    this.fragmentAliases.set(name, 0);
    const fragment = this.fragments.get(name);
    const count = fragment ? this.countAliases(fragment.selectionSet) : 0;
    this.fragmentAliases.set(name, count);
    return count;
  }
}

function containsVariable(node: ValueNode): boolean {
  if (node.kind === Kind.VARIABLE) return true;
  if (node.kind === Kind.LIST) return node.values.some(containsVariable);
  if (node.kind === Kind.OBJECT) return node.fields.some((field) => containsVariable(field.value));
  return false;
}

/** A Relay connection: GitLab prices these by page size. */
function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields();
}

/** The operation's variables as execution will see them: the given values over the declared defaults. */
function variablesWithDefaults(operation: OperationDefinitionNode, given: Variables | null | undefined): Variables {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (given && name in given) variables[name] = given[name];
    else if (definition.defaultValue) variables[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return variables;
}

interface FixedCost {
  schema: GraphQLSchema;
  cost: OperationCost;
}

/**
 * Costs that read no variable, per document and operation name. Yoga hands every request with the
 * same text the same parsed document, so most requests are priced once.
 */
const fixedCosts = new WeakMap<DocumentNode, Map<string | null | undefined, FixedCost>>();

export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables?: Variables | null,
): OperationCost | null {
  const known = fixedCosts.get(document)?.get(operationName);
  if (known?.schema === schema) return known.cost;
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const meter = new OperationMeter(schema, fragments, variablesWithDefaults(operation, variables));
  const cost = meter.measure(operation);
  if (!meter.readVariables) {
    const costs = fixedCosts.get(document) ?? new Map<string | null | undefined, FixedCost>();
    costs.set(operationName, { schema, cost });
    fixedCosts.set(document, costs);
  }
  return cost;
}

function limitError(code: string, message: string, limit: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit } });
}

/** The errors for every limit the operation exceeds; GitLab's wording for depth and complexity (graphql-ruby's analyzers). */
export function limitErrors(cost: OperationCost, limits: OperationLimits): GraphQLError[] {
  const errors: GraphQLError[] = [];
  if (cost.aliases > limits.maxAliases) {
    errors.push(
      limitError('MAX_ALIASES', `Query has ${cost.aliases} aliases, which exceeds max aliases of ${limits.maxAliases}`, limits.maxAliases),
    );
  }
  if (!cost.truncated && cost.depth > limits.maxDepth) {
    errors.push(
      limitError('MAX_DEPTH', `Query has depth of ${cost.depth}, which exceeds max depth of ${limits.maxDepth}`, limits.maxDepth),
    );
  }
  if (cost.complexity > limits.maxComplexity) {
    const complexity = cost.truncated ? `more than ${cost.complexity}` : String(cost.complexity);
    errors.push(
      limitError(
        'MAX_COMPLEXITY',
        `Query has complexity of ${complexity}, which exceeds max complexity of ${limits.maxComplexity}`,
        limits.maxComplexity,
      ),
    );
  }
  return errors;
}

export function queryTooLargeError(): GraphQLError {
  // GitLab answers "Query too large" with 422; we add the limit so the client knows what to trim.
  return new GraphQLError(`Query too large: the limit is ${requestLimits.maxQueryLength} characters of GraphQL text per request`, {
    extensions: { code: 'QUERY_TOO_LARGE', limit: requestLimits.maxQueryLength, http: { status: 422 } },
  });
}

export const requestBodyTooLargeMessage = `Request body too large: the limit is ${requestLimits.maxBodyBytes} bytes (1 MiB)`;
