import { typeset } from '@perron/contract';

/** French: the services that could also answer a need, under it in the needs list (`suggest-services`). */
export default typeset({
  suggestions: {
    title: 'Des organismes peuvent aussi aider',
    by: (organization: string) => `par ${organization}`,
    /** An imported directory's service: the directory it comes from, by its host. */
    from: (directory: string) => `répertoire ${directory}`,
  },
});
