import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Dependencies point down (docs/architecture.md, «Layers»). Each entry: the files of a layer and the
 * folders of src it never imports (relatively, statically or by `import()`). The command line and
 * the server, which assemble the rest, sit on top and may import anything. Tests and their fixtures
 * are free too: a test stands the whole application up, as its users meet it.
 */
const LAYERS = [
  {
    name: 'The lower layers (modules, access, records, reports, extract, gazetteer, db)',
    files: [
      'src/modules/**/*.ts',
      // The access rules (issue 13, move 3) and the records' kit (move 2) are modules too.
      'src/access/**/*.ts',
      'src/records/**/*.ts',
      'src/reports/**/*.ts',
      'src/extract/**/*.ts',
      'src/gazetteer/**/*.ts',
      'src/db/**/*.ts',
      'src/*.ts',
    ],
    above: ['server', 'routes', 'plugins', 'commands', 'cli'],
  },
  {
    name: 'The HTTP plugins (src/plugins)',
    files: ['src/plugins/**/*.ts'],
    above: ['server', 'routes', 'commands', 'cli'],
  },
  { name: 'The routes (src/routes)', files: ['src/routes/**/*.ts'], above: ['server', 'commands', 'cli'] },
  {
    name: 'The commands (src/commands)',
    files: ['src/commands/**/*.ts'],
    above: ['server', 'routes', 'plugins', 'cli'],
  },
];

/** The config block of a layer: no-restricted-imports for static imports, no-restricted-syntax for import(). */
function layerRule({ name, files, above }) {
  const upper = `^(\\.\\.?\\/)+(${above.join('|')})\\/`;
  const message =
    `${name} import no ${above.map((folder) => `src/${folder}`).join(', ')}: move the shared code down ` +
    'into a module, or the caller up (docs/architecture.md, «Layers»).';
  return {
    files,
    ignores: ['**/*.test.ts', '**/*.fixture.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: upper, message }] }],
      'no-restricted-syntax': ['error', { selector: `ImportExpression[source.value=/${upper}/]`, message }],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'generated', 'dist', 'coverage', 'web/dist', 'tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  ...LAYERS.map(layerRule),
);
