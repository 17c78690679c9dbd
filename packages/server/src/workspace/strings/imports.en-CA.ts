import type { importsFr } from './imports.fr-CA.ts';

// The curator's screen of imported directories, in English: the French module is the reference.
export const importsEn: typeof importsFr = {
  imports: {
    nav: 'Imported directories',
    queueNav: 'Projects to review',
    sections: 'Curation sections',
    title: 'Imported directories',
    lead: 'Services from other directories (a regional 211’s, for example) that this node shows with its organizations’ own. Perron reads each directory again regularly and keeps its services up to date.',
    caption: 'Imported directories, oldest first',
    empty: 'No directory imported yet.',
    col: { url: 'Address', lang: 'Language', polled: 'Last read', services: 'Services', state: 'Status', actions: 'Actions' },
    langs: { fr: 'French', en: 'English' },
    never: 'Not read yet',
    state: {
      pending: 'Waiting for its first read',
      ok: 'Up to date',
      unreachable: 'The last read failed',
    },
    why: {
      unreachable: 'The site does not answer: it may be down, or the address may be wrong.',
      refused: 'The site answered with an error: the address may no longer be the right one.',
      format: 'This address does not give a directory in the Open Referral HSDS 3 format.',
    },
    kept: 'The services already imported are still shown.',
    retry: (when: string) => `Next try around ${when}.`,
    remove: 'Remove',
    removeLabel: (url: string) => `Remove the directory ${url}`,
    addTitle: 'Import a directory',
    addLead: 'Give the address of its Open Referral (HSDS 3) API: whoever publishes the directory can tell you. The first read happens in the background, within a few minutes.',
    url: 'Address of the directory’s API',
    urlHint: 'It starts with https:// and leads to the API’s root, for example https://211.example.org/hsds',
    lang: 'Language of its records',
    submit: 'Import the directory',
    errors: {
      url: 'Enter a full web address, starting with https:// (or http://).',
      duplicate: 'This directory is already imported: it is in the list above.',
      self: 'This is this node’s own directory: its services are already here.',
      private: 'This address leads to this machine or a private network: only a public directory can be imported.',
    },
    removeTitle: 'Remove this directory?',
    removeLead: (n: number) =>
      n === 0 ? 'This directory has not brought any service yet. It will no longer be read.' : `Its ${n} service${n > 1 ? 's' : ''} will leave this node, and it will no longer be read. You can import it again later.`,
    removeConfirm: 'Yes, remove this directory',
    back: 'Back to imported directories',
  },
  importsFlash: {
    directory_imported: 'The directory is added: its first read happens within a few minutes.',
    directory_removed: 'The directory is removed, with its services.',
  },
};
