// Typings for React 19 JSX, Vue 3 templates and Svelte 5 markup, written from the Custom Elements
// Manifest so that they list exactly what the manifest lists: each tag's properties (typed by the
// element class itself), its attributes, and its events (typed by the events the elements fire).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Each element of the manifest: its class, tag, public writable fields, attributes and events. */
export function elementsOf(manifest) {
  const out = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const fields = (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public');
      out.push({
        className: d.name,
        tag: d.tagName,
        summary: d.summary ?? '',
        fields: fields.map((m) => m.name),
        attributes: (d.attributes ?? []).filter((a) => a.fieldName && a.name !== a.fieldName).map((a) => ({ name: a.name, field: a.fieldName })),
        events: (d.events ?? []).map((e) => ({ name: e.name, type: e.type?.text ?? 'CustomEvent' })),
      });
    }
  }
  return out.sort((a, b) => a.tag.localeCompare(b.tag));
}

const header = `// Written by scripts/framework-types.mjs from custom-elements.json: do not edit.\n`;
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/** `{ project?: PerronProjectCard['project']; 'heading-level'?: …; 'onperron-pledge'?: … }` for one element. */
function props(el, { events }) {
  const lines = [
    ...el.fields.map((f) => `${key(f)}?: E.${el.className}['${f}'];`),
    ...el.attributes.map((a) => `${key(a.name)}?: E.${el.className}['${a.field}'] | string;`),
    ...el.events.map((e) => events(e)),
  ];
  return `{\n${lines.map((l) => `    ${l}`).join('\n')}\n  }`;
}

const eventType = (e) => (/^[A-Z]\w*$/.test(e.type) ? `E.${e.type}` : 'CustomEvent');
const onProp = (e) => `${key(`on${e.name}`)}?: (event: ${eventType(e)}) => void;`;

function react(elements) {
  return `${header}// Use: \`import type {} from '@perron/elements/react';\` once in your app (React 19 sets properties and
// listens to \`on<event>\` on custom elements).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type * as E from '../index.js';

type Props<T extends HTMLElement, P> = DetailedHTMLProps<HTMLAttributes<T>, T> & P & { lang?: string };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((el) => `      '${el.tag}': Props<E.${el.className}, ${props(el, { events: onProp }).replace(/\n/g, '\n    ')}>;`).join('\n')}
    }
  }
}
`;
}

function vue(elements) {
  return `${header}// Use: \`import type {} from '@perron/elements/vue';\` once, and tell Vue's compiler the tags are custom
// elements: \`vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('perron-') } } })\`.
import type { DefineComponent } from 'vue';
import type * as E from '../index.js';

declare module 'vue' {
  interface GlobalComponents {
${elements
  .map((el) => `    '${el.tag}': DefineComponent<${props(el, { events: (e) => `${key(`on${camel(e.name)}`)}?: (event: ${eventType(e)}) => void;` }).replace(/\n/g, '\n  ')} & { lang?: string }>;`)
  .join('\n')}
  }
}
`;
}

function svelte(elements) {
  return `${header}// Use: \`import type {} from '@perron/elements/svelte';\` once (Svelte 5 sets properties and listens to
// \`on<event>\` attributes on custom elements).
import type { HTMLAttributes } from 'svelte/elements';
import type * as E from '../index.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${elements.map((el) => `    '${el.tag}': HTMLAttributes<E.${el.className}> & ${props(el, { events: onProp }).replace(/\n/g, '\n  ')};`).join('\n')}
  }
}
`;
}

/** perron-pledge → PerronPledge (Vue's `@perron-pledge` listener is typed as `onPerronPledge`). */
const camel = (name) => name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());

export function writeFrameworkTypes(manifestFile, outDir) {
  const elements = elementsOf(JSON.parse(readFileSync(manifestFile, 'utf8')));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'react.d.ts'), react(elements));
  writeFileSync(join(outDir, 'vue.d.ts'), vue(elements));
  writeFileSync(join(outDir, 'svelte.d.ts'), svelte(elements));
  // The subpaths are types only; importing them at run time gets an empty module, not an error.
  writeFileSync(join(outDir, 'empty.js'), 'export {};\n');
}
