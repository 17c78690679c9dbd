import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { states } from '../../mocks/stories.ts';
import '../define/perron-pledge-form.ts';

interface Args {
  need?: string;
  project?: string;
  lang?: string;
}
const meta: Meta<Args> = {
  title: 'Éléments/perron-pledge-form',
  component: 'perron-pledge-form',
  args: { need: 'n-ateliers' },
  render: ({ need, project, lang }) =>
    html`<perron-pledge-form need=${ifDefined(need)} project=${ifDefined(project)} lang=${ifDefined(lang)}>
      <a href="https://perron.example/projets/p-jardin">Contribuer sur Perron</a>
    </perron-pledge-form>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Hours: Story = states.Default;
export const People: Story = { args: { need: 'n-corvee' } };
export const Materials: Story = { args: { need: 'n-bacs' } };
export const Money: Story = { args: { need: 'n-semences' } };
export const ChooseANeed: Story = { args: { need: undefined, project: 'p-jardin' } };
export const Filled: Story = { args: { need: 'n-pelles' } };
export const Loading: Story = states.Loading;
export const Empty: Story = { ...states.Empty, args: { need: undefined, project: 'p-jardin' } };
export const Error: Story = states.Error;
export const NotFound: Story = states.NotFound;
export const English: Story = { args: { need: 'n-semences', lang: 'en-CA' } };
export const LongFrenchText: Story = { args: { need: undefined, project: 'p-long' } };
export const Narrow: Story = states.Narrow;
export const Dark: Story = states.Dark;
