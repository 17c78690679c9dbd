// `npm run build`: the bundles a node serves at /elements/ (packages/elements/dist/browser).
//   perron.js          every element, self-registering, one file
//   forms.js           perron.js's forms, fetched once a page holds or opens one
//   en-CA.js           the English words, fetched by pages in English (by perron.js and perron-<name>.js)
//   perron-<name>.js   one element each, self-contained: a page with one element downloads one file
//                      (a page with several elements takes perron.js, which shares one core)
//   chunks/*-<hash>.js what else the scripts fetch later, named by their content
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { noRouteSchemas } from './scripts/rollup-no-schemas.mjs';
import { precompress } from './scripts/rollup-precompress.mjs';

const src = 'packages/elements/src/define';
const out = 'packages/elements/dist/browser';
// Chunk names carry a hash: start empty so old chunks don't pile up beside the new ones.
rmSync(out, { recursive: true, force: true });

const plugins = () => [
  // `source` resolves the workspace packages to their TypeScript; `browser` picks browser builds.
  nodeResolve({ exportConditions: ['source', 'browser'], extensions: ['.ts', '.mjs', '.js'] }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', minify: false }),
  noRouteSchemas(),
  collapseTemplates(),
  terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
  sameStableFiles(),
  precompress(),
];

/**
 * A minifier leaves template literals alone: the elements' `html` and `css` templates keep their
 * indentation. Collapse it. In HTML a run of spaces and newlines renders as one space (no element
 * here preserves white space); in CSS, none is needed around braces and semicolons, nor comments.
 */
function collapseTemplates() {
  const tags = new Set(['html', 'css']);
  return {
    name: 'collapse-templates',
    transform(code, id) {
      if (!id.includes('/packages/elements/src/') || !code.includes('`')) return null;
      const edits = [];
      (function walk(node) {
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && tags.has(node.tag.name)) {
          for (const quasi of node.quasi.quasis) edits.push([quasi.start, quasi.end, node.tag.name]);
        }
        for (const value of Object.values(node)) {
          for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === 'string') walk(child);
        }
      })(this.parse(code));
      let out = code;
      for (const [start, end, tag] of edits.sort((a, b) => b[0] - a[0])) {
        let text = out.slice(start, end).replace(/\s*\n\s*/g, ' ');
        if (tag === 'css') text = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};])\s*/g, '$1').replace(/: /g, ':').replace(/;}/g, '}');
        out = out.slice(0, start) + text + out.slice(end);
      }
      return { code: out, map: null };
    },
  };
}

/** The Custom Elements Manifest (packages/elements/custom-elements.json), from the classes' JSDoc. */
const manifest = () => ({
  name: 'custom-elements-manifest',
  writeBundle() {
    execFileSync(
      new URL('node_modules/.bin/custom-elements-manifest', import.meta.url).pathname,
      ['analyze', '--quiet'], // what and how: packages/elements/custom-elements-manifest.config.mjs
      { cwd: 'packages/elements', stdio: 'inherit' },
    );
  },
});

/**
 * The parts a script fetches after it has run, that a page can ask for beside it (`<link
 * rel="modulepreload">`) to save a round trip: their names must not change from build to build.
 * Served like the entry scripts, short-lived and revalidated. Every build that makes one must make it
 * the same: the English words are a module of their own in each.
 */
const STABLE = { 'all-forms': 'forms.js', 'en-CA': 'en-CA.js' };
const stableCode = new Map();
const chunkFileNames = (chunk) => STABLE[chunk.name] ?? 'chunks/[name]-[hash].js';
const sameStableFiles = () => ({
  name: 'same-stable-files',
  writeBundle(_, bundle) {
    for (const file of Object.values(bundle)) {
      if (file.type !== 'chunk' || !Object.values(STABLE).includes(file.fileName)) continue;
      const before = stableCode.get(file.fileName);
      if (before !== undefined && before !== file.code) this.error(`Two builds made different ${file.fileName}: a page could get the wrong one`);
      stableCode.set(file.fileName, file.code);
    }
  },
});

/** zod's own notices (circular imports, annotations) are not ours to act on. */
const onwarn = (warning, warn) => {
  const where = warning.id ?? warning.ids?.join() ?? warning.cycle?.join() ?? '';
  if (!where.includes('node_modules')) warn(warning);
};

/**
 * In perron.js, the elements' imports of internal/forms.ts (the forms they open) and of the support
 * form (the card's dialog) are define/all-forms.ts, which has every form: one forms chunk whichever
 * form a page holds. Two chunks would share
 * the fields, and rollup would move those to a third that both import: a second round trip.
 */
const allForms = () => ({
  name: 'all-forms',
  resolveId(source, importer) {
    if (!/\/(internal\/forms|define\/perron-support-form)\.ts$/.test(source) || !importer?.includes('/packages/elements/src/') || importer.endsWith('/all-forms.ts')) return null;
    return new URL(`${src}/all-forms.ts`, import.meta.url).pathname;
  },
});

const tags = readdirSync(src)
  .filter((f) => f.startsWith('perron-') && f.endsWith('.ts'))
  .map((f) => f.slice(0, -3));

export default [
  {
    input: `${src}/all.ts`,
    plugins: [allForms(), ...plugins()],
    onwarn,
    // One file, but for the forms and the locales other than French, fetched only by a page that needs them.
    output: { dir: out, format: 'es', entryFileNames: 'perron.js', chunkFileNames },
  },
  // Built apart, so that each holds what its element needs and nothing another one does.
  ...tags.map((tag, i) => ({
    input: { [tag]: `${src}/${tag}.ts` },
    plugins: i === 0 ? [...plugins(), manifest()] : plugins(),
    onwarn,
    output: { dir: out, format: 'es', entryFileNames: '[name].js', chunkFileNames },
  })),
];
