import { directoryRoutes, type HsdsServiceQuery, type ServiceSuggestionQuery } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import type { CallOptions } from '../http.ts';

/** A page of the node's resource directory (its HSDS 3 API): `page` from 1, `search` words, `language` offered. */
export const listDirectoryServices = (core: PerronCore, query: HsdsServiceQuery = {}, o?: CallOptions) => core.call(directoryRoutes.hsdsServices, { query }, o);

/**
 * Services of the node's directory (its own and imported) that could answer a project's open
 * needs (`project`) or one need (`need`), in `lang`: for each need, up to `limit` (default 3).
 */
export const suggestServices = (core: PerronCore, query: ServiceSuggestionQuery, o?: CallOptions) => core.call(directoryRoutes.suggestServices, { query }, o);
