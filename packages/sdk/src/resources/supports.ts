import { supportRoutes, type RouteBody } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import type { CallOptions } from '../http.ts';

/** "J'appuie ce projet": the support counts once the emailed link is followed, once per email. */
export const supportProject = (core: PerronCore, id: string, body: RouteBody<'supportProject'>, o?: CallOptions) =>
  core.call(supportRoutes.supportProject, { params: { id }, body }, o, id);

/** Confirm a support with the token from its email; answers the project as it stands. */
export const confirmSupport = (core: PerronCore, token: string, o?: CallOptions) => core.call(supportRoutes.confirmSupport, { body: { token } }, o);
