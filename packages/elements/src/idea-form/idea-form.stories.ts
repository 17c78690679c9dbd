import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { states } from '../../mocks/stories.ts';
import '../define/perron-idea-form.ts';

interface Args {
  community?: string;
  contest?: string;
  lang?: string;
}
const meta: Meta<Args> = {
  title: 'Éléments/perron-idea-form',
  component: 'perron-idea-form',
  args: { community: 'hochelaga-maisonneuve' },
  render: ({ community, contest, lang }) =>
    html`<perron-idea-form community=${ifDefined(community)} contest=${ifDefined(contest)} lang=${ifDefined(lang)}>
      <a href="https://perron.example/idees">Proposer une idée sur Perron</a>
    </perron-idea-form>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Community: Story = states.Default;
export const Contest: Story = { args: { community: undefined, contest: 'c-ruelles' } };
export const ContestClosed: Story = { args: { community: undefined, contest: 'c-budget' } };
export const Loading: Story = states.Loading;
export const Empty: Story = states.Empty;
export const Error: Story = states.Error;
export const NotFound: Story = states.NotFound;
export const English: Story = states.English;
export const Narrow: Story = states.Narrow;
export const Dark: Story = states.Dark;
