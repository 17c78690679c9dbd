import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { states } from '../../mocks/stories.ts';
import '../define/perron-project-card.ts';

interface Args {
  project: string;
  lang?: string;
}
const meta: Meta<Args> = {
  title: 'Éléments/perron-project-card',
  component: 'perron-project-card',
  args: { project: 'p-jardin' },
  render: ({ project, lang }) =>
    html`<perron-project-card project=${project} lang=${ifDefined(lang)}>
      <a href="https://perron.example/projets/${project}">Voir le projet sur Perron</a>
    </perron-project-card>`,
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
export const Narrow: Story = states.Narrow;
export const Dark: Story = states.Dark;

/** "Contribuer" pressed: the project's needs and their pledge forms in the dialog, over the page. */
export const ContributeOpen: Story = {
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('perron-project-card')!;
    for (let i = 0; i < 100 && !card.shadowRoot?.querySelector('[part~="contribute"]'); i++) await new Promise((r) => setTimeout(r, 50));
    card.shadowRoot?.querySelector<HTMLButtonElement>('[part~="contribute"]')?.click();
  },
};

/** A project whose money opens at 25 supporters: 12 so far, said on the card. */
export const BelowThreshold: Story = { args: { project: 'p-serre' } };
/** The same, in English. */
export const BelowThresholdEnglish: Story = { args: { project: 'p-serre', lang: 'en-CA' } };
/** Its supporters reached the threshold: crowdfunding is open. */
export const ThresholdReached: Story = { args: { project: 'p-serre-ouverte' } };

/** "J'appuie ce projet" pressed: the support form in the dialog, over the page. */
export const SupportOpen: Story = {
  args: { project: 'p-serre' },
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('perron-project-card')!;
    for (let i = 0; i < 100 && !card.shadowRoot?.querySelector('[part~="support"]'); i++) await new Promise((r) => setTimeout(r, 50));
    card.shadowRoot?.querySelector<HTMLButtonElement>('[part~="support"]')?.click();
  },
};
