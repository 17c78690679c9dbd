import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { states } from '../../mocks/stories.ts';
import '../define/perron-event-calendar.ts';

interface Args {
  community?: string;
  view: 'month' | 'list';
  lang?: string;
}
const meta: Meta<Args> = {
  title: 'Éléments/perron-event-calendar',
  component: 'perron-event-calendar',
  args: { community: 'hochelaga-maisonneuve', view: 'month' },
  argTypes: { view: { control: 'inline-radio', options: ['month', 'list'] } },
  render: ({ community, view, lang }) =>
    html`<perron-event-calendar community=${ifDefined(community)} view=${view} lang=${ifDefined(lang)}>
      <a href="https://perron.example/evenements">Voir les événements sur Perron</a>
    </perron-event-calendar>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Month: Story = states.Default;
export const List: Story = { args: { view: 'list' } };
export const Loading: Story = states.Loading;
export const Empty: Story = states.Empty;
export const EmptyList: Story = { ...states.Empty, args: { view: 'list' } };
export const Error: Story = states.Error;
export const English: Story = states.English;
export const Narrow: Story = states.Narrow;
export const Dark: Story = states.Dark;
