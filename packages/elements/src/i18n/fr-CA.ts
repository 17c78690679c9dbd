import calendar from './fr-CA/calendar.ts';
import common from './fr-CA/common.ts';
import directory from './fr-CA/directory.ts';
import idea from './fr-CA/idea.ts';
import ideaForm from './fr-CA/idea-form.ts';
import impact from './fr-CA/impact.ts';
import list from './fr-CA/list.ts';
import needs from './fr-CA/needs.ts';
import pledge from './fr-CA/pledge.ts';
import project from './fr-CA/project.ts';
import suggestions from './fr-CA/suggestions.ts';
import support from './fr-CA/support.ts';

/**
 * French (Canada): the default locale and the shape every other locale follows. Its words live in
 * ./fr-CA/, one file per part, so that a bundle carries only the parts its elements read: each
 * module that reads a part adds it with `addFrench` (./locale.ts). Written with plain spaces;
 * `typeset` sets them once, the Québec way (narrow no-break before « : ! ? »).
 */
export default { ...common, ...project, ...list, ...directory, ...needs, ...pledge, ...calendar, ...idea, ...ideaForm, ...support, ...impact, ...suggestions };
