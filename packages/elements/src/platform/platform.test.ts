import { expect, fixture } from '@open-wc/testing';
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
    const host = await fixture<HTMLDivElement>('<div></div>');
    try {
      const platform = document.createElement('perron-platform');
      platform.setAttribute('node', 'https://attribut.perron.example');
      platform.client = createClient({ node: 'https://donne.perron.example' });
      platform.innerHTML = card;
      host.append(platform);
      const el = platform.querySelector('perron-project-card')!;
      await waitFor(() => textOf(el).includes('Jardin collectif'));
      const api = urls.filter((u) => u.includes('/v1/projects/'));
      expect(api.length).to.be.greaterThan(0);
      expect(api.filter((u) => !u.startsWith('https://donne.perron.example/'))).to.deep.equal([]);
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
    const first = ['perron-platform', 'perron-project-card', 'perron-needs-list'].map((tag) => customElements.get(tag));
    expect(first.every((c) => c !== undefined)).to.equal(true);
    for (const tag of ['perron-platform', 'perron-project-card', 'perron-needs-list']) {
      // A new URL is a new module instance, with a class of its own: a define that throws rejects this import.
      await import(new URL(`../define/${tag}.ts?twice`, import.meta.url).href);
    }
    // The first registration stands.
    expect(['perron-platform', 'perron-project-card', 'perron-needs-list'].map((tag) => customElements.get(tag))).to.deep.equal(first);
  });
});
