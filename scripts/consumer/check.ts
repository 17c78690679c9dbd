// Strict TypeScript against the published types: the SDK, the elements' classes, tag and event maps.
import { createClient, isPerronError, type PerronClient } from '@perron/sdk';
import type { Project } from '@perron/contract';
import { PerronProjectCard, type PerronEventMap, type PerronPledgeEvent } from '@perron/elements';

const perron: PerronClient = createClient({ node: 'https://perron.example' });

export async function firstTitle(): Promise<string | undefined> {
  const page = await perron.projects.list({ limit: 1 });
  const project: Project | undefined = page.items[0];
  return project?.title.fr;
}

export function isMissing(e: unknown): boolean {
  return isPerronError(e, 'NotFoundError') && e.status === 404;
}

export function watch(card: HTMLElementTagNameMap['perron-project-card']): void {
  const same: PerronProjectCard = card;
  same.project = 'prj_x';
  same.addEventListener('perron-pledge', (e) => {
    const pledge: PerronPledgeEvent['detail']['pledge'] = e.detail.pledge;
    console.log(pledge.id, e.detail.need.category);
  });
}

export type PledgeDetail = PerronEventMap['perron-pledge']['detail'];
