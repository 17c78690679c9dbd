import { Impact, ImpactQuery } from '../impact.ts';
import { route } from '../route.ts';

/** What a community's or a partner's projects gathered: for caisses, funders and their pages. */
export const impactRoutes = {
  getImpact: route({ method: 'GET', path: '/v1/impact', tag: 'impact', summary: "What residents pledged to a community's or a partner's public projects over a period (totals and months, no personal data)", query: ImpactQuery, response: Impact, errors: ['not_found'] }),
} as const;
