// The Vue and Svelte typings say what each tag takes and which events it fires.
import type {} from '@perron/elements/vue';
import type {} from '@perron/elements/svelte';
import type { GlobalComponents } from 'vue';
import type { SvelteHTMLElements } from 'svelte/elements';

type CardProps = InstanceType<GlobalComponents['perron-project-card']>['$props'];
export const vueCard: CardProps = { project: 'prj_x', node: 'https://perron.example', lang: 'en' };

export const svelteForm: SvelteHTMLElements['perron-pledge-form'] = {
  need: 'need_x',
  'onperron-pledge': (e) => console.log(e.detail.pledge.id),
};
