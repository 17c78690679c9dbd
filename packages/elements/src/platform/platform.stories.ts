import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../define/all.ts';

const meta: Meta = {
  title: 'Éléments/perron-platform',
  component: 'perron-platform',
};
export default meta;

/** One node and one language for everything inside: the card and the needs list share the project's request. */
export const ProjectPage: StoryObj = {
  render: () => html`<perron-platform lang="fr-CA">
    <perron-project-card project="p-jardin"></perron-project-card>
    <perron-needs-list project="p-jardin"></perron-needs-list>
  </perron-platform>`,
};
export const English: StoryObj = {
  render: () => html`<perron-platform lang="en-CA">
    <perron-idea-vote contest="c-budget"></perron-idea-vote>
  </perron-platform>`,
};
