import fs from 'node:fs';
import path from 'node:path';
import type * as ts from 'typescript';

/**
 * The snippets cucumber suggests for an undefined step, in the project's style: TypeScript, the
 * World typed (`this: ScenarioWorld`), every parameter named after its parameter type and typed —
 * built-in types by what they give (`{int}` a number), the project's own types (`{persona}`,
 * `{spam level}`) by the return type their transformer declares, or else by the type the
 * project's step definitions already give them. Cucumber loads it through `formatOptions.snippetSyntax`
 * (see typed-snippets.cjs); the expression itself, custom parameter types included, is cucumber's.
 */

/** What cucumber-expressions hands a snippet syntax for each parameter (`GeneratedExpression`). */
export interface SnippetParameterType {
  readonly name: string | undefined;
  readonly type?: unknown;
}

export interface GeneratedExpressionLike {
  readonly source: string;
  readonly parameterTypes: readonly SnippetParameterType[];
}

export interface SnippetBuildOptions {
  readonly comment: string;
  readonly functionName: string;
  readonly generatedExpressions: readonly GeneratedExpressionLike[];
  readonly stepParameterNames: readonly string[];
}

/** The longest line a snippet has before its parameters go one per line (as prettier would). */
const MAX_LINE = 110;

/** The World every step of every project runs with (support/cucumber/world.ts). */
const WORLD = 'ScenarioWorld';

/** TypeScript types of what built-in parameter types give, by their runtime type's name. */
const BUILT_IN_TYPES: Readonly<Record<string, string>> = {
  Number: 'number',
  String: 'string',
  BigInt: 'bigint',
};

/** The doc string and data table cucumber passes after the expression's parameters. */
const STEP_ARGUMENT_TYPES: Readonly<Record<string, string>> = { docString: 'string', dataTable: 'DataTable' };

/** A parameter name from a parameter type's name: `spam level` → `spamLevel`, `` → `value`. */
export function parameterName(typeName: string): string {
  const words = typeName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words
    .map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join('');
  if (name === '') return 'value';
  return /^\d/.test(name) ? `_${name}` : name;
}

/** Names for one expression's parameters: a name used twice is numbered (`string`, `string2`). */
function parameterNames(types: readonly SnippetParameterType[]): string[] {
  const used = new Map<string, number>();
  return types.map((type) => {
    const name = parameterName(type.name ?? '');
    const count = (used.get(name) ?? 0) + 1;
    used.set(name, count);
    return count === 1 ? name : `${name}${count}`;
  });
}

function builtInType(type: unknown): string | undefined {
  if (typeof type === 'string') return BUILT_IN_TYPES[type];
  if (typeof type === 'function') return BUILT_IN_TYPES[type.name];
  return undefined;
}

/** Source files of TypeScript step and support code under the given folders. */
function sourceFiles(dirs: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(file);
      else if (entry.isFile() && /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(file);
    }
  };
  for (const dir of dirs) walk(dir);
  return files.sort();
}

const STEP_FUNCTIONS = new Set(['Given', 'When', 'Then', 'defineStep']);

/**
 * The TypeScript type of each of the project's parameter types, read from its source: the return
 * type a `defineParameterType` transformer declares, else the type a step definition gives a
 * parameter of that type (`'{persona} blocks …', async function (this: ScenarioWorld, persona: string)`).
 */
export function declaredParameterTypes(dirs: readonly string[]): Map<string, string> {
  // Loaded only when a snippet is built: the compiler is large, and most runs need no snippet.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const typescript = require('typescript') as typeof ts;
  const declared = new Map<string, string>();
  const used = new Map<string, string>();
  const literal = (node: ts.Node | undefined): string | undefined =>
    node && (typescript.isStringLiteral(node) || typescript.isNoSubstitutionTemplateLiteral(node))
      ? node.text
      : undefined;

  for (const file of sourceFiles(dirs)) {
    const source = typescript.createSourceFile(
      file,
      fs.readFileSync(file, 'utf8'),
      typescript.ScriptTarget.Latest,
      true,
    );
    const visit = (node: ts.Node): void => {
      if (typescript.isCallExpression(node) && typescript.isIdentifier(node.expression)) {
        const callee = node.expression.text;
        const [first, second] = node.arguments;
        if (callee === 'defineParameterType' && first && typescript.isObjectLiteralExpression(first)) {
          const property = (key: string): ts.Expression | undefined =>
            first.properties.find(
              (p): p is ts.PropertyAssignment =>
                typescript.isPropertyAssignment(p) && typescript.isIdentifier(p.name) && p.name.text === key,
            )?.initializer;
          const name = literal(property('name'));
          const transformer = property('transformer');
          if (
            name !== undefined &&
            transformer &&
            typescript.isFunctionLike(transformer) &&
            transformer.type
          ) {
            declared.set(name, transformer.type.getText(source));
          }
        } else if (STEP_FUNCTIONS.has(callee) && second && typescript.isFunctionLike(second)) {
          const expression = literal(first);
          if (expression !== undefined) {
            const placeholders = [...expression.matchAll(/(?<!\\)\{([^{}]*)\}/g)].map(
              (match) => match[1] ?? '',
            );
            const parameters = second.parameters.filter((p) => p.name.getText(source) !== 'this');
            placeholders.forEach((name, index) => {
              const type = parameters[index]?.type?.getText(source);
              if (type && !used.has(name)) used.set(name, type);
            });
          }
        }
      }
      typescript.forEachChild(node, visit);
    };
    visit(source);
  }
  for (const [name, type] of used) if (!declared.has(name)) declared.set(name, type);
  return declared;
}

/** A step expression as a single-quoted TypeScript string. */
function quoted(source: string): string {
  return `'${source.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export type SnippetInterface = 'async-await' | 'callback' | 'promise' | 'synchronous';

/** Builds the snippets; `typeOf` names the TypeScript type of a project's own parameter type. */
export class TypedSnippetSyntax {
  constructor(
    private readonly snippetInterface: SnippetInterface | undefined,
    private readonly typeOf: (parameterTypeName: string) => string | undefined,
  ) {}

  build({ comment, functionName, generatedExpressions, stepParameterNames }: SnippetBuildOptions): string {
    const [chosen, ...others] = generatedExpressions;
    if (!chosen) return '';
    const names = parameterNames(chosen.parameterTypes);
    const parameters = [
      `this: ${WORLD}`,
      ...chosen.parameterTypes.map(
        (type, index) =>
          `${names[index]}: ${builtInType(type.type) ?? this.typeOf(type.name ?? '') ?? 'string'}`,
      ),
      ...stepParameterNames.map((name) => `${name}: ${STEP_ARGUMENT_TYPES[name] ?? 'unknown'}`),
    ];
    const kind = this.snippetInterface ?? 'synchronous';
    if (kind === 'callback') parameters.push('callback: (error: unknown, result?: string) => void');
    const body =
      kind === 'callback'
        ? "callback(null, 'pending');"
        : kind === 'promise'
          ? "return Promise.resolve('pending');"
          : "return 'pending';";
    const keyword = kind === 'async-await' ? 'async function' : 'function';
    const oneLine = `  ${keyword} (${parameters.join(', ')}) {`;
    const signature =
      oneLine.length <= MAX_LINE
        ? [oneLine]
        : [`  ${keyword} (`, ...parameters.map((p) => `    ${p},`), '  ) {'];
    return [
      ...others.map((other) => `// or: ${functionName}(${quoted(other.source)}, …)`),
      `${functionName}(`,
      `  ${quoted(chosen.source)},`,
      ...signature,
      `    // ${comment}`,
      `    ${body}`,
      '  },',
      ');',
    ].join('\n');
  }
}
