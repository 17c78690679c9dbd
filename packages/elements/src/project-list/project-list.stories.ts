import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { states } from '../../mocks/stories.ts';
import '../define/perron-project-list.ts';

interface Args {
  community?: string;
  partner?: string;
  limit: number;
  lang?: string;
}
const meta: Meta<Args> = {
  title: 'Éléments/perron-project-list',
  component: 'perron-project-list',
  args: { limit: 3 },
  render: ({ community, partner, limit, lang }) =>
    html`<perron-project-list community=${ifDefined(community)} partner=${ifDefined(partner)} limit=${limit} lang=${ifDefined(lang)}>
      <a href="https://perron.example/projets">Voir les projets sur Perron</a>
    </perron-project-list>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = states.Default;
export const Loading: Story = states.Loading;
export const Empty: Story = states.Empty;
export const Error: Story = states.Error;
export const English: Story = states.English;
export const OneCommunity: Story = { args: { community: 'hochelaga-maisonneuve' } };
/** A caisse's "projects we support". */
export const OnePartner: Story = { args: { partner: 'caisse-coeur-de-l-ile' } };
export const Narrow: Story = states.Narrow;
export const Dark: Story = states.Dark;
