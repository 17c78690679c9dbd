import { impactRoutes, type RouteQuery } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import type { CallOptions } from '../http.ts';

/** What residents pledged to a community's or a partner's public projects over a period (exactly one of `community`, `partner`). */
export const getImpact = (core: PerronCore, query: RouteQuery<'getImpact'>, o?: CallOptions) => core.call(impactRoutes.getImpact, { query }, o);
