import { isBounded, type LocalizedText, type Need, type NeedCategory, type NeedSkill } from '@perron/contract';
import { iso } from './sql.ts';
import { NEED_SKILLS_COLUMN, needSkills } from './skills.ts';

export interface NeedRow {
  id: string;
  project_id: string;
  category: NeedCategory;
  unit: 'hours' | 'people' | null;
  unit_label: LocalizedText | null;
  title: LocalizedText;
  description: LocalizedText | null;
  wanted: number;
  pledged: number;
  pledge_count: number;
  status: Need['status'];
  /** As stored: codes of the taxonomy, or text as typed. */
  skills: string[];
  skill_labels: NeedSkill[];
  shift_starts_at: Date | null;
  shift_ends_at: Date | null;
  in_review: boolean;
  deadline: string | null;
}

export const NEED_COLUMNS = `n.id, n.project_id, n.category, n.unit, n.unit_label, n.title, n.description, n.wanted,
  n.pledged, n.pledge_count, n.status, n.skills, n.shift_starts_at, n.shift_ends_at, n.in_review,
  n.deadline::text as deadline, ${NEED_SKILLS_COLUMN}`;

export function toNeed(r: NeedRow): Need {
  const base = {
    id: r.id,
    projectId: r.project_id,
    title: r.title,
    description: r.description,
    status: r.status,
    wanted: r.wanted,
    pledged: r.pledged,
    pledgeCount: r.pledge_count,
    ...(r.in_review ? { inReview: true as const } : {}),
    ...(r.deadline ? { deadline: r.deadline } : {}),
  };
  switch (r.category) {
    case 'human':
      return {
        ...base,
        category: 'human',
        unit: r.unit ?? 'hours',
        ...needSkills(r.skill_labels),
        shift: r.shift_starts_at && r.shift_ends_at ? { startsAt: iso(r.shift_starts_at), endsAt: iso(r.shift_ends_at) } : null,
      };
    case 'material':
      return { ...base, category: 'material', unit: r.unit_label ?? { fr: 'unités', en: 'units' } };
    case 'financial':
      return { ...base, category: 'financial', currency: 'CAD' };
  }
}

/**
 * The status a need takes from its counts: a bounded need (people, hours, items) is filled when
 * its pledges reach what is wanted; money beyond the goal is welcome, so a financial need stays open.
 * A need its organization closed stays closed.
 */
export function needStatus(category: NeedCategory, status: Need['status'], pledged: number, wanted: number): Need['status'] {
  if (status === 'closed') return 'closed';
  return isBounded(category) && pledged >= wanted ? 'filled' : 'open';
}
