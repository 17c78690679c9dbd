import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { states } from '../../mocks/stories.ts';
import '../define/perron-support-form.ts';

interface Args {
  project: string;
  lang?: string;
}
const meta: Meta<Args> = {
  title: 'Éléments/perron-support-form',
  component: 'perron-support-form',
  args: { project: 'p-serre' },
  render: ({ project, lang }) => html`<perron-support-form project=${project} lang=${ifDefined(lang)}></perron-support-form>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Types an email and sends it, as a person would. */
const send = (email: string): Story['play'] =>
  async ({ canvasElement }) => {
    const el = canvasElement.querySelector('perron-support-form')!;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('input'); i++) await new Promise((r) => setTimeout(r, 50));
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="email"]')!.value = email;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
  };

export const Default: Story = states.Default;
export const English: Story = states.English;
export const Narrow: Story = states.Narrow;
export const Dark: Story = states.Dark;
/** Sent: the person is asked to follow the emailed link. */
export const CheckYourEmail: Story = { play: send('lea@example.org') };
/** The address already supports this project. */
export const AlreadySupported: Story = { play: send('deja@example.org') };
/** An address the browser refuses, said at the field. */
export const InvalidEmail: Story = { play: send('pas-un-courriel') };
/** The node fails: what was typed stays, the error says to try again. */
export const Error: Story = { ...states.Error, play: send('lea@example.org') };
/** Waiting for the node. */
export const Sending: Story = { ...states.Loading, play: send('lea@example.org') };
