// The Custom Elements Manifest lists each element's whole public face: what the classes observe
// and style (read from the classes themselves, imported in Node as a server-side renderer would),
// and the parts, slots and events their templates use (read from the sources each element renders).
// An element that gains an attribute, event, part or custom property the manifest doesn't list fails here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as elements from '../src/index.ts';

const pkg = new URL('..', import.meta.url).pathname;
const src = join(pkg, 'src');

interface Named {
  name: string;
  type?: { text: string };
  default?: string;
  description?: string;
  privacy?: string;
  kind?: string;
  fieldName?: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  attributes?: Named[];
  members?: Named[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

let manifest: Map<string, Declaration>;
let out: string;
before(() => {
  // Made fresh from the sources, as `npm run build` makes it (the built one may be stale).
  out = mkdtempSync(join(tmpdir(), 'perron-manifest-'));
  execFileSync(join(pkg, '../../node_modules/.bin/custom-elements-manifest'), ['analyze', '--quiet', '--outdir', relative(pkg, out)], { cwd: pkg, stdio: 'inherit' });
  const json = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as { modules: { declarations?: Declaration[] }[] };
  manifest = new Map(json.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]));
});
after(() => rmSync(out, { recursive: true, force: true }));

/** Every tag with a define module, and the class it registers. */
const tags = readdirSync(join(src, 'define'))
  .filter((f) => f.startsWith('perron-') && f.endsWith('.ts'))
  .map((f) => {
    const tag = f.slice(0, -3);
    const className = readFileSync(join(src, 'define', f), 'utf8').match(new RegExp(`define\\('${tag}', (\\w+)\\)`))?.[1];
    return { tag, className: className! };
  });

/** Files whose `export class X extends …` is an element of its own: their templates render in their own shadow root. */
const elementModules = new Set(
  readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.stories.ts'))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => tags.some((t) => new RegExp(`export class ${t.className}\\b`).test(readFileSync(f, 'utf8')))),
);

/** The element's class module and every module it imports (now or on demand), short of other elements' class modules. */
function sourcesOf(className: string): string[] {
  const start = [...elementModules].find((f) => new RegExp(`export class ${className}\\b`).test(readFileSync(f, 'utf8')))!;
  // Its folder's modules are the element's, also those it fetches through the shared forms chunk (its vote form).
  const own = readdirSync(dirname(start)).filter((f) => f.endsWith('.ts') && !/\.(test|stories)\.ts$/.test(f)).map((f) => resolve(dirname(start), f));
  const seen = new Set<string>([start, ...own]);
  const queue = [start, ...own];
  for (let file = queue.shift(); file; file = queue.shift()) {
    // Static imports, and `import('./…')` from its own folder: a template loaded on demand (the card's dialog) is
    // still the element's (other elements and shared forms fetched on demand are not).
    for (const [, spec] of [...readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+\.ts)'|import\('(\.\/[^']+\.ts)'\)/g)].map((m) => [m[0], m[1] ?? m[2]])) {
      const next = resolve(dirname(file), spec!);
      if (seen.has(next) || elementModules.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return [...seen];
}

const names = (list: Named[] | undefined) => new Set((list ?? []).map((x) => x.name));
const missing = (found: Iterable<string>, listed: Set<string>) => [...new Set(found)].filter((x) => !listed.has(x)).sort();

test('every element with a define module is in the manifest, with its tag', () => {
  assert.ok(tags.length >= 7, `${tags.length} define modules`);
  assert.deepEqual(tags.map((t) => t.tag).filter((t) => !manifest.has(t)), []);
});

for (const { tag, className } of tags) {
  describe(`<${tag}> in the manifest`, () => {
    const element = (elements as Record<string, unknown>)[className] as {
      observedAttributes: string[];
      elementStyles?: { cssText?: string }[];
    };
    const decl = () => manifest.get(tag)!;
    const code = () => sourcesOf(className).map((f) => readFileSync(f, 'utf8')).join('\n');

    test('attributes: exactly those the class observes, plus lang; each typed and described', () => {
      const listed = names(decl().attributes);
      assert.deepEqual(missing(element.observedAttributes, listed), [], 'observed but not listed');
      assert.deepEqual(missing(listed, new Set([...element.observedAttributes, 'lang'])), [], 'listed but not observed');
      assert.ok(listed.has('lang'), 'lang is listed');
      for (const a of decl().attributes!) {
        assert.ok(a.type?.text, `${a.name} has a type`);
        assert.ok(a.description, `${a.name} is described`);
      }
    });

    test('public properties have types; internals are not public', () => {
      const fields = (decl().members ?? []).filter((m) => m.kind === 'field' && (m.privacy ?? 'public') === 'public');
      assert.ok(fields.length > 0);
      for (const f of fields) assert.ok(f.type?.text, `${f.name} has a type`);
      const internals = ['core', 't', 'f', 'locale', 'language', 'refreshing', 'nodeMissing', 'provided'];
      assert.deepEqual(fields.map((f) => f.name).filter((n) => internals.includes(n)), []);
    });

    test('custom properties: every --perron-* its styles use, with a description (and a default where the styles set one)', () => {
      const css = (element.elementStyles ?? []).map((s) => s.cssText ?? '').join('\n');
      const used = [...css.matchAll(/(--perron-[\w-]+)/g)].map((m) => m[1]!);
      const listed = decl().cssProperties ?? [];
      assert.deepEqual(missing(used, names(listed)), [], 'used but not listed');
      assert.deepEqual(missing(names(listed), new Set(used)), [], 'listed but not used');
      for (const p of listed) {
        assert.ok(p.description, `${p.name} is described`);
        const fallback = new RegExp(`var\\(${p.name},`).test(css) || new RegExp(`${p.name}:`).test(css);
        if (fallback) assert.ok(p.default, `${p.name} has its default in the manifest`);
      }
    });

    test('parts: every part its templates name', () => {
      const found: string[] = [];
      for (const [, value] of code().matchAll(/\bpart="([^"]+)"/g)) found.push(...value!.split(/\s+/).filter((p) => p && !p.includes('$')));
      // A part chosen in code (`part=${… 'pending' …}`): its quoted names.
      for (const [, expr] of code().matchAll(/\bpart=\$\{([^}]*)\}/g)) found.push(...[...expr!.matchAll(/'([\w-]+)'/g)].map((m) => m[1]!));
      // A part handed to a shared template (`{ part: 'support' }`, rendered as `part=${d.part}`).
      for (const [, name] of code().matchAll(/\bpart: '([\w-]+)'/g)) found.push(name!);
      const listed = names(decl().cssParts);
      if (found.length) assert.ok(listed.size > 0);
      assert.deepEqual(missing(found, listed), [], 'in the templates but not listed');
      assert.deepEqual(missing(listed, new Set(found)), [], 'listed but in no template');
    });

    test('slots and events: every slot its templates hold, every event it fires, each event typed', () => {
      const text = code();
      const slots = [...text.matchAll(/<slot(?:\s+name="([\w-]+)")?/g)].map((m) => m[1] ?? '');
      assert.deepEqual(missing(slots, names(decl().slots)), [], 'slots');
      const fired = [...text.matchAll(/perronEvent(?:<\w+>)?\('([\w-]+)'/g)].map((m) => m[1]!);
      assert.deepEqual(missing(fired, names(decl().events)), [], 'events');
      for (const e of decl().events ?? []) {
        assert.match(e.type?.text ?? '', /^Perron\w+Event$/, `${e.name} has its event type`);
        assert.ok(e.description, `${e.name} is described`);
      }
    });
  });
}
