import { PerronIdeaForm } from '../idea-form/idea-form.ts';
import { define } from '../internal/define.ts';

define('perron-idea-form', PerronIdeaForm);
