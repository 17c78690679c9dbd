import type { StoryObj } from '@storybook/web-components-vite';

/** The states every element is shown in, each against its mock scenario. */
type Story = StoryObj;
export const states = {
  Default: {} as Story,
  Loading: { parameters: { scenario: 'slow' } } as Story,
  Empty: { parameters: { scenario: 'empty' } } as Story,
  Error: { parameters: { scenario: 'error' } } as Story,
  NotFound: { parameters: { scenario: 'notFound' } } as Story,
  English: { args: { lang: 'en-CA' } } as Story,
  Narrow: { parameters: { width: '20rem' } } as Story,
  Dark: { parameters: { dark: true } } as Story,
};
