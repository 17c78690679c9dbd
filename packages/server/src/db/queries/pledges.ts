import type { Lang, NeedCategory, OrganizationPledge, Pledge } from '@perron/contract';
import type { Collection } from '../../services/payments.ts';
import { iso, microsOf } from './sql.ts';

export interface PledgeRow {
  id: string;
  need_id: string;
  project_id: string;
  category: NeedCategory;
  quantity: number;
  status: Pledge['status'];
  contact_name: string | null;
  contact_email: string | null;
  message: string | null;
  consent_version: string;
  consent_share: boolean;
  consent_updates: boolean;
  consent_at: Date;
  lang: Lang;
  collection: Collection | null;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

/** Pledges with their need's category; `pl` and `n` are the aliases to filter on. */
export const PLEDGE_SELECT = `
  select pl.id, pl.need_id, pl.project_id, n.category, pl.quantity, pl.status, pl.contact_name, pl.contact_email,
         pl.message, pl.consent_version, pl.consent_share, pl.consent_updates, pl.consent_at, pl.lang, pl.collection,
         pl.created_at, pl.updated_at, ${microsOf('pl.created_at')} as cursor_at
    from pledges pl join needs n on n.id = pl.need_id`;

/** What the pledger, and anyone, may see: no contact. */
export const toPledge = (r: PledgeRow): Pledge => ({
  id: r.id,
  needId: r.need_id,
  projectId: r.project_id,
  category: r.category,
  quantity: r.quantity,
  status: r.status,
  createdAt: iso(r.created_at),
  collection: r.collection,
});

/** What the project's organization sees: the contact (unless erased) and the consent as given. */
export const toOrganizationPledge = (r: PledgeRow): OrganizationPledge => ({
  ...toPledge(r),
  contact: r.contact_name !== null && r.contact_email !== null ? { name: r.contact_name, email: r.contact_email } : null,
  message: r.message,
  consent: { version: r.consent_version, shareWithOrganizers: r.consent_share, updates: r.consent_updates, at: iso(r.consent_at) },
  lang: r.lang,
  updatedAt: iso(r.updated_at),
});
