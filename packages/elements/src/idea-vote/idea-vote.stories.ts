import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { states } from '../../mocks/stories.ts';
import '../define/perron-idea-vote.ts';

interface Args {
  idea?: string;
  contest?: string;
  lang?: string;
}
const meta: Meta<Args> = {
  title: 'Éléments/perron-idea-vote',
  component: 'perron-idea-vote',
  args: { idea: 'i-ruelle' },
  render: ({ idea, contest, lang }) =>
    html`<perron-idea-vote idea=${ifDefined(idea)} contest=${ifDefined(contest)} lang=${ifDefined(lang)}>
      <a href="https://perron.example/idees">Voir les idées sur Perron</a>
    </perron-idea-vote>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Idea: Story = states.Default;
export const IdeaOutsideAContest: Story = { args: { idea: 'i-frigo' } };
export const Contest: Story = { args: { idea: undefined, contest: 'c-budget' } };
export const Loading: Story = states.Loading;
export const Empty: Story = { ...states.Empty, args: { idea: undefined, contest: 'c-budget' } };
export const Error: Story = states.Error;
export const NotFound: Story = states.NotFound;
export const English: Story = { args: { idea: undefined, contest: 'c-budget', lang: 'en-CA' } };
export const Narrow: Story = states.Narrow;
export const Dark: Story = states.Dark;
