import { ServiceCreate, type Service } from '@perron/contract';
import { serviceRow, toService } from '../../db/queries/directory.ts';
import type { NodeServices } from '../../handlers/types.ts';
import { ProblemError } from '../../http/problem.ts';
import * as directory from '../../services/directory.ts';
import type { WorkspaceContext } from '../context.ts';
import { formInput, parseForm, type FormErrors } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { requireMember } from '../session.tsx';
import { toCents } from '../staff-forms.ts';
import { ServiceFormView, ServicesView, slotCount, type ServiceFormValues } from './services.view.tsx';

type Raw = Record<string, unknown>;
const hhmm = (v: unknown) => (typeof v === 'string' && /^\d{1,2}(:\d{2})?$/.test(v.trim()) ? (v.includes(':') ? v.trim().padStart(5, '0') : `${v.trim().padStart(2, '0')}:00`) : v);

/**
 * The posted form as ServiceCreate: the filled opening-hour lines (with the line each came from,
 * so an error lands on its own line), the cost from its kind and dollars, the place when any of
 * it is typed. What the form does not show (communities) stays as it was.
 */
function serviceInput(raw: Raw, current?: Service) {
  const { slots: _slots, hours, costKind, cost, ...rest } = raw;
  const lines = Object.entries((hours ?? {}) as Record<string, Raw>)
    .sort(([a], [b]) => Number(a) - Number(b))
    .filter(([, h]) => (h.days as unknown[] | undefined)?.length || h.opens || h.closes);
  const c = (cost ?? {}) as Raw;
  return {
    lines: lines.map(([i]) => i),
    input: {
      ...rest,
      ...(lines.length ? { hours: lines.map(([, h]) => ({ days: h.days ?? [], opens: hhmm(h.opens), closes: hhmm(h.closes) })) } : {}),
      ...(costKind ? { cost: { free: costKind === 'free', ...(costKind === 'paid' && c.amount !== undefined ? { amount: toCents(c.amount) } : {}), ...(c.note ? { note: c.note } : {}) } } : {}),
      ...(current?.communities.length ? { communities: current.communities } : {}),
    },
  };
}

/** Errors of `hours.N…` moved to the form line N came from. */
const onLines = (errors: FormErrors, lines: string[]) => Object.fromEntries(Object.entries(errors).map(([k, m]) => [k.replace(/^hours\.(\d+)/, (_, n: string) => `hours.${lines[Number(n)] ?? n}`), m]));

/** A stored service as its form shows it. */
function formValues(s: Service): ServiceFormValues {
  const out: ServiceFormValues = { languages: s.languages, status: s.status, slots: slotCount(s.hours), website: s.website, email: s.email, phone: s.phone };
  const text = (name: string, v: { fr: string; en?: string } | null) => v && ((out[`${name}.fr`] = v.fr), (out[`${name}.en`] = v.en));
  text('name', s.name);
  text('description', s.description);
  text('audience', s.audience);
  text('hoursNote', s.hoursNote);
  s.hours.forEach((h, i) => ((out[`hours.${i}.days`] = h.days), (out[`hours.${i}.opens`] = h.opens), (out[`hours.${i}.closes`] = h.closes)));
  if (s.place) for (const [k, v] of Object.entries(s.place)) out[`place.${k}`] = v;
  if (s.cost) {
    out.costKind = s.cost.free ? 'free' : 'paid';
    if (s.cost.amount !== null) out['cost.amount'] = (s.cost.amount / 100).toFixed(2);
    text('cost.note', s.cost.note);
  }
  return out;
}

/** What was typed, as the form shows it again: dotted names, lists kept whole. */
const typed = (o: Raw, prefix = '', out: ServiceFormValues = {}): ServiceFormValues => {
  for (const [k, v] of Object.entries(o)) typeof v === 'object' && v !== null && !Array.isArray(v) ? typed(v as Raw, `${prefix}${k}.`, out) : (out[`${prefix}${k}`] = v);
  return out;
};

/** An organization's services in the directory: list, describe, edit, remove (editors and admins). */
export const servicesScreen: Screen = (ws, node: NodeServices) => {
  const editor = requireMember('editor');
  const base = (c: WorkspaceContext) => `/workspace/o/${c.get('organization').slug}/services`;
  const load = async (c: WorkspaceContext) => {
    const row = await serviceRow(node.db, c.req.param('id')!);
    return row && row.org_id === c.get('organization').organizationId ? toService(row) : null;
  };
  const form = (c: WorkspaceContext, action: string, values: ServiceFormValues, editing: boolean, errors?: FormErrors) =>
    c.render(<ServiceFormView action={action} values={values} errors={errors} editing={editing} />, { title: editing ? c.get('t').services.editTitle : c.get('t').services.newTitle });

  /** Parses and writes; on an error, the same form again (422) with everything typed. */
  const save = async (c: WorkspaceContext, current: Service | null) => {
    const raw = await formInput(c);
    const { input, lines } = serviceInput(raw, current ?? undefined);
    const parsed = parseForm(ServiceCreate, input, c.get('t'));
    let errors: FormErrors = parsed.ok ? {} : onLines(parsed.errors, lines);
    if (parsed.ok) {
      const org = c.get('organization').organizationId;
      try {
        await node.db.tx((q) => (current ? directory.reviseService(q, org, current.id, () => parsed.data, node.now()) : directory.createService(q, org, parsed.data, node.now())));
        return c.redirect(`${base(c)}?done=service_saved`, 303);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        errors = { form: c.get('t').errors.fallback };
      }
    }
    c.status(422);
    return form(c, current ? `${base(c)}/${current.id}` : base(c), { ...typed(raw), slots: Number(raw.slots ?? 1) }, !!current, errors);
  };

  ws.get('/o/:org/services', editor, async (c) =>
    c.render(<ServicesView services={await directory.organizationServices(node.db, c.get('organization').organizationId)} />, { title: c.get('t').services.title }),
  );
  ws.get('/o/:org/services/new', editor, (c) => form(c, base(c), { languages: ['fr'], slots: 1, status: 'active' }, false));
  ws.post('/o/:org/services', editor, (c) => save(c, null));
  ws.get('/o/:org/services/:id', editor, async (c) => {
    const service = await load(c);
    return service ? form(c, `${base(c)}/${service.id}`, formValues(service), true) : c.notFound();
  });
  ws.post('/o/:org/services/:id', editor, async (c) => {
    const service = await load(c);
    return service ? save(c, service) : c.notFound();
  });
  ws.post('/o/:org/services/:id/remove', editor, async (c) => {
    const service = await load(c);
    if (!service) return c.notFound();
    await node.db.tx((q) => directory.deleteService(q, c.get('organization').organizationId, service.id));
    return c.redirect(`${base(c)}?done=service_removed`, 303);
  });
};
