import type { followsFr } from './follows.fr-CA.ts';

// The curator's screen of followed nodes, in English: the French module is the reference.
export const followsEn: typeof followsFr = {
  follows: {
    nav: 'Followed nodes',
    title: 'Followed nodes',
    lead: 'Other Perron nodes (a borough’s, a city’s, a network’s) whose published projects, needs and events this node shows, with a link to where they come from. Perron reads each node again regularly: pledges and registrations always go to the node they come from.',
    caption: 'Followed nodes, oldest first',
    empty: 'No node followed yet.',
    col: { url: 'Address', communities: 'Communities followed', polled: 'Last read', items: 'Items brought', state: 'Status', actions: 'Actions' },
    all: 'All',
    items: (projects: number, events: number) => `${projects} project${projects === 1 ? '' : 's'}, ${events} event${events === 1 ? '' : 's'}`,
    never: 'Not read yet',
    state: {
      pending: 'Waiting for its first read',
      ok: 'Up to date',
      unreachable: 'The last read failed',
    },
    why: {
      unreachable: 'The node does not answer: it may be down, or the address may be wrong.',
      refused: 'The site answered with an error: the address may not be a Perron node’s.',
      format: 'This address does not give a Perron node’s answers.',
    },
    kept: 'What it already brought is still shown.',
    retry: (when: string) => `Next try around ${when}.`,
    remove: 'Unfollow',
    removeLabel: (url: string) => `Unfollow the node ${url}`,
    addTitle: 'Follow a node',
    addLead: 'Give the node’s address, that of its home page. The first read happens in the background, within a few minutes.',
    url: 'Address of the node',
    urlHint: 'It starts with https://, for example https://perron.borough.example.org',
    communities: 'Communities to follow',
    communitiesHint: 'Their identifiers on that node, separated by commas, for example villeray, parc-extension. Leave blank to follow everything.',
    submit: 'Follow this node',
    errors: {
      url: 'Enter a full web address, starting with https:// (or http://).',
      communities: 'Enter community identifiers (lowercase letters, digits and hyphens), 20 at most, separated by commas.',
      duplicate: 'This node is already followed: it is in the list above.',
      self: 'This is this node’s own address: its projects are already here.',
      private: 'This address leads to this machine or a private network: only a public node can be followed.',
    },
    removeTitle: 'Unfollow this node?',
    removeLead: (projects: number, events: number) =>
      projects + events === 0
        ? 'This node has not brought any project or event yet. It will no longer be read.'
        : `Its ${projects} project${projects === 1 ? '' : 's'} and ${events} event${events === 1 ? '' : 's'} will leave this node, and it will no longer be read. You can follow it again later.`,
    removeConfirm: 'Yes, unfollow this node',
    back: 'Back to followed nodes',
  },
  followsFlash: {
    node_followed: 'The node is followed: its first read happens within a few minutes.',
    node_unfollowed: 'The node is no longer followed; its projects and events are removed.',
  },
};
