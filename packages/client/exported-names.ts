import ts from "typescript";

// The core declares the client's factory and types under neutral names (createSdkClient, SdkClient,
// SdkClientOptions) and src/generated/client-names.ts exports them under the names of
// sdk.config.json. The bundled declarations then read `interface SdkClient …; export { type SdkClient
// as <client.type> }`, and TypeScript names a type by its declaration: users' hovers and errors would
// show `SdkClient`. So the build renames each such declaration to the name it is exported as.

/**
 * A declaration file's text with every local declaration that is exported once, under another name,
 * renamed to that name (its references too, found by TypeScript's binder, so a property or parameter
 * of the same spelling stays). An alias is left as it is when the new name is used anywhere in the
 * file or the declaration is an import: the types are the same either way, only their display differs.
 */
export function declareAsExported(code: string, fileName = "index.d.ts"): string {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const host = ts.createCompilerHost({});
  const program = ts.createProgram({
    rootNames: [fileName],
    options: { noLib: true, noResolve: true, types: [] },
    host: {
      ...host,
      getSourceFile: (name) => (name === fileName ? file : undefined),
      fileExists: (name) => name === fileName,
    },
  });
  const checker = program.getTypeChecker();

  const identifiers: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) identifiers.push(node);
    node.forEachChild(visit);
  };
  visit(file);
  const uses = new Map<string, number>();
  for (const { text } of identifiers) uses.set(text, (uses.get(text) ?? 0) + 1);

  const specifiers = file.statements
    .filter((statement): statement is ts.ExportDeclaration => ts.isExportDeclaration(statement))
    .filter((statement) => statement.moduleSpecifier === undefined && statement.exportClause !== undefined)
    .flatMap((statement) => [...(statement.exportClause as ts.NamedExports).elements]);
  const timesExported = new Map<string, number>();
  for (const specifier of specifiers) {
    const local = (specifier.propertyName ?? specifier.name).getText(file);
    timesExported.set(local, (timesExported.get(local) ?? 0) + 1);
  }

  const edits: { start: number; end: number; text: string }[] = [];
  for (const specifier of specifiers) {
    if (!specifier.propertyName || !ts.isIdentifier(specifier.propertyName)) continue;
    const local = specifier.propertyName.text;
    if (!ts.isIdentifier(specifier.name)) continue;
    const exported = specifier.name.text;
    // The export specifier itself is the one use of the new name that may exist.
    if (timesExported.get(local) !== 1 || uses.get(exported) !== 1) continue;
    // Only a function, class, interface, type or enum declared at the top of this file; not an import.
    const symbol = checker.getExportSpecifierLocalTargetSymbol(specifier);
    const declarations = symbol?.declarations ?? [];
    if (!symbol || declarations.length === 0 || !declarations.every((declaration) => declaration.parent === file)) {
      continue;
    }
    for (const identifier of identifiers) {
      if (identifier.text !== local || identifier === specifier.propertyName) continue;
      if (checker.getSymbolAtLocation(identifier) !== symbol) continue;
      edits.push({ start: identifier.getStart(file), end: identifier.getEnd(), text: exported });
    }
    // `type SdkClient as AcmeClient` becomes `type AcmeClient`.
    edits.push({ start: specifier.propertyName.getStart(file), end: specifier.name.getStart(file), text: "" });
  }
  let result = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/** A Rolldown plugin applying `declareAsExported` to every declaration file the build writes. */
export function declarationsAsExported() {
  return {
    name: "declarations-as-exported",
    generateBundle(_options: unknown, bundle: Record<string, { type: string; fileName: string; code?: string }>) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === "chunk" && /\.d\.[cm]?ts$/.test(chunk.fileName) && chunk.code !== undefined) {
          chunk.code = declareAsExported(chunk.code, chunk.fileName);
        }
      }
    },
  };
}
