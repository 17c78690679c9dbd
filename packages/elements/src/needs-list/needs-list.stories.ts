import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { states } from '../../mocks/stories.ts';
import '../define/perron-needs-list.ts';

interface Args {
  project: string;
  category?: string;
  lang?: string;
  suggestServices?: boolean;
}
const meta: Meta<Args> = {
  title: 'Éléments/perron-needs-list',
  component: 'perron-needs-list',
  args: { project: 'p-jardin' },
  render: ({ project, category, lang, suggestServices }) =>
    html`<perron-needs-list project=${project} category=${ifDefined(category)} lang=${ifDefined(lang)} ?suggest-services=${suggestServices}>
      <a href="https://perron.example/projets/${project}">Voir les besoins sur Perron</a>
    </perron-needs-list>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = states.Default;
export const Loading: Story = states.Loading;
export const Empty: Story = states.Empty;
export const Error: Story = states.Error;
export const NotFound: Story = states.NotFound;
export const English: Story = states.English;
export const LongFrenchText: Story = { args: { project: 'p-long' } };
export const MaterialOnly: Story = { args: { category: 'material' } };
export const Narrow: Story = states.Narrow;
export const Dark: Story = states.Dark;
/** Other organizations' services under the needs they could answer (`suggest-services`), from the node's directory. */
export const SuggestServices: Story = { args: { suggestServices: true } };
export const SuggestServicesEnglish: Story = { args: { suggestServices: true, lang: 'en-CA' } };
export const SuggestServicesNarrow: Story = { ...states.Narrow, args: { suggestServices: true } };
export const SuggestServicesDark: Story = { ...states.Dark, args: { suggestServices: true } };
