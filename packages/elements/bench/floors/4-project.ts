// Floor 4: and the schema the project card validates: the contract's ProjectDetail.
import { ProjectDetail } from '@perron/contract';
import * as z from 'zod/mini';

export * from './3-ky.ts';
export const parseProject = (value: unknown) => z.safeParse(ProjectDetail, value);
