import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { states } from '../../mocks/stories.ts';
import '../define/perron-directory.ts';

interface Args {
  q?: string;
  serviceLanguage?: string;
  limit: number;
  lang?: string;
}
const meta: Meta<Args> = {
  title: 'Éléments/perron-directory',
  component: 'perron-directory',
  args: { limit: 10 },
  render: ({ q, serviceLanguage, limit, lang }) =>
    html`<perron-directory q=${ifDefined(q)} service-language=${ifDefined(serviceLanguage)} limit=${limit} lang=${ifDefined(lang)}>
      <a href="https://perron.example/hsds/services">Voir le répertoire sur Perron</a>
    </perron-directory>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = states.Default;
export const Loading: Story = states.Loading;
export const Empty: Story = states.Empty;
export const Error: Story = states.Error;
export const English: Story = states.English;
export const InArabic: Story = { args: { serviceLanguage: 'ar' } };
export const Narrow: Story = states.Narrow;
export const Dark: Story = states.Dark;
