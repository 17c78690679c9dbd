import { directoryRoutes, type HsdsServiceQuery } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import type { CallOptions } from '../http.ts';

/** A page of the node's resource directory (its HSDS 3 API): `page` from 1, `search` words, `language` offered. */
export const listDirectoryServices = (core: PerronCore, query: HsdsServiceQuery = {}, o?: CallOptions) => core.call(directoryRoutes.hsdsServices, { query }, o);
