import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { states } from '../../mocks/stories.ts';
import '../define/perron-impact.ts';

interface Args {
  partner?: string;
  community?: string;
  from?: string;
  to?: string;
  lang?: string;
}
const meta: Meta<Args> = {
  title: 'Éléments/perron-impact',
  component: 'perron-impact',
  args: { partner: 'caisse-coeur-de-l-ile' },
  render: ({ partner, community, from, to, lang }) =>
    html`<perron-impact partner=${ifDefined(partner)} community=${ifDefined(community)} from=${ifDefined(from)} to=${ifDefined(to)} lang=${ifDefined(lang)}>
      <a href="https://perron.example/">Voir les projets sur Perron</a>
    </perron-impact>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = states.Default;
export const Community: Story = { args: { partner: undefined, community: 'montreal' } };
export const Loading: Story = states.Loading;
export const Empty: Story = states.Empty;
export const Error: Story = states.Error;
export const NotFound: Story = states.NotFound;
export const English: Story = states.English;
export const Narrow: Story = states.Narrow;
export const Dark: Story = states.Dark;
