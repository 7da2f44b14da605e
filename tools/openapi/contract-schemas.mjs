// The JSON Schemas of the shared contract types, for the API's OpenAPI document: generated, never written by hand.
// `node tools/openapi/contract-schemas.mjs` writes them (npm run openapi:write); npm test checks them in document.mjs.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = join(ROOT, 'libs/contracts/src/index.ts');
// Answers built by the desk's rules themselves (the public calendar and pre-check) are typed there.
const RULES = { path: join(ROOT, 'libs/rules/src/index.ts'), tsconfig: join(ROOT, 'libs/rules/tsconfig.lib.json') };
const RULES_TYPES = ['DeskDay', 'PreflightResult'];
export const CONTRACT_SCHEMAS = join(ROOT, 'apps/api/src/app/common/openapi/contract-schemas.json');

/** The exported types of the contracts that take no type parameter: each becomes one named schema. */
function exportedTypeNames(program) {
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(ENTRY));
  return checker
    .getExportsOfModule(module)
    .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol))
    .filter((symbol) => symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))
    .filter((symbol) => !symbol.declarations?.some((d) => d.typeParameters?.length))
    .map((symbol) => symbol.name)
    .sort();
}

// OpenAPI names schemas with letters, digits, '.', '-' and '_' only: Page<SupportCase> becomes Page_SupportCase.
const schemaName = (name) => name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/_+$/, '');

export function contractSchemas() {
  const config = {
    path: ENTRY,
    tsconfig: join(ROOT, 'libs/contracts/tsconfig.lib.json'),
    expose: 'export',
    topRef: false,
    jsDoc: 'extended',
    skipTypeCheck: true,
    additionalProperties: false,
  };
  const program = ts.createProgram([ENTRY], { strict: true, skipLibCheck: true });
  const generator = createGenerator(config);
  const rules = createGenerator({ ...config, ...RULES });
  const definitions = {};
  const wanted = [
    ...exportedTypeNames(program).map((name) => [generator, name]),
    ...RULES_TYPES.map((name) => [rules, name]),
  ];
  for (const [from, name] of wanted) {
    const schema = from.createSchema(name);
    const { definitions: more = {}, $schema: _, ...root } = schema;
    Object.assign(definitions, more);
    if (!definitions[name]) definitions[name] = root;
  }
  const text = JSON.stringify(
    Object.fromEntries(
      Object.entries(definitions)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [schemaName(k), v]),
    ),
    null,
    2,
  ).replace(/"#\/definitions\/([^"]+)"/g, (_, ref) => `"#/components/schemas/${schemaName(decodeURIComponent(ref))}"`);
  return `${text}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(CONTRACT_SCHEMAS, contractSchemas());
