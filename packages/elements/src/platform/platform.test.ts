import { expect } from '@open-wc/testing';
import { createClient } from '@perron/sdk';
import { $, mount, startMocks, textOf, waitFor, worker } from '../../test/helpers.ts';
import type { PerronPlatform } from './platform.ts';

const card = '<perron-project-card project="p-jardin"></perron-project-card>';

describe('perron-platform', () => {
  before(startMocks);

  it('gives the client it was handed to the elements inside, over its node attribute', async () => {
    const urls: string[] = [];
    const listen = ({ request }: { request: Request }) => void urls.push(request.url);
    worker.events.on('request:start', listen);
    try {
      const client = createClient({ node: 'https://donne.perron.example' });
      await mount(card.replace('<perron', '<perron'), undefined, client);
      expect(urls.filter((u) => u.includes('/v1/projects/')).every((u) => u.startsWith('https://donne.perron.example/'))).to.equal(true);
    } finally {
      worker.events.removeListener('request:start', listen);
    }
  });

  it('switches the elements inside to another node when its node changes', async () => {
    const urls: string[] = [];
    const listen = ({ request }: { request: Request }) => void urls.push(request.url);
    worker.events.on('request:start', listen);
    try {
      const el = await mount(`<perron-platform node="https://un.perron.example">${card}</perron-platform>`);
      urls.length = 0;
      el.closest<PerronPlatform>('perron-platform')!.node = 'https://deux.perron.example';
      await waitFor(() => urls.some((u) => u.startsWith('https://deux.perron.example/v1/projects/p-jardin')));
      await waitFor(() => textOf(el).includes('Jardin collectif'));
    } finally {
      worker.events.removeListener('request:start', listen);
    }
  });

  it('sets the language of the elements inside', async () => {
    const el = await mount(`<perron-platform lang="en">${card}</perron-platform>`);
    expect(textOf(el)).to.contain('Open to contributions');
    expect($(el, '[part~="base"]')!.getAttribute('lang')).to.equal('en');
  });

  it('may be loaded twice, as a snippet pasted twice would (a second copy of the define module)', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    addEventListener('error', onError);
    try {
      for (const tag of ['perron-platform', 'perron-project-card', 'perron-needs-list']) {
        await import(/* a new URL is a new module instance */ new URL(`../define/${tag}.ts?twice`, import.meta.url).href);
      }
    } finally {
      removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    expect(customElements.get('perron-platform')).to.not.equal(undefined);
  });
});
