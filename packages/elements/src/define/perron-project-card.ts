import { PerronProjectCard } from '../project-card/project-card.ts';
import { define } from '../internal/define.ts';

define('perron-project-card', PerronProjectCard);
