/**
 * Every Apps Script service method the add-on's code calls, found by the TypeScript checker: a
 * call `x.m(...)` whose receiver's type is declared in @types/google-apps-script counts as
 * 'Class.m' — the same name the offline runtime counts and checks scopes by. Reading types rather
 * than text finds calls on variables and chained builders alike.
 */
import { join, relative } from 'node:path';
import * as ts from 'typescript';

const root = join(__dirname, '../..');

export interface ServiceCall {
  method: string;
  /** First place it is called, for the failure message. */
  at: string;
}

export function serviceCalls(entry = join(root, 'src/server/main.ts')): ServiceCall[] {
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2019,
    module: ts.ModuleKind.CommonJS,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['google-apps-script'],
    typeRoots: [join(root, 'node_modules/@types')],
  });
  const checker = program.getTypeChecker();
  const found = new Map<string, string>();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !file.fileName.startsWith(join(root, 'src'))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const receiver = checker.getNonNullableType(checker.getTypeAtLocation(node.expression.expression));
        const symbol = receiver.getSymbol() ?? receiver.aliasSymbol;
        const name = symbol ? checker.getFullyQualifiedName(symbol) : '';
        if (name.startsWith('GoogleAppsScript.')) {
          const method = `${name.slice(name.lastIndexOf('.') + 1)}.${node.expression.name.text}`;
          if (!found.has(method)) {
            const { line } = file.getLineAndCharacterOfPosition(node.getStart());
            found.set(method, `${relative(root, file.fileName)}:${line + 1}`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return [...found].map(([method, at]) => ({ method, at })).sort((a, b) => a.method.localeCompare(b.method));
}
