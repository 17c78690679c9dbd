import { DirectoryCreate, Id } from '@perron/contract';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { ProblemError } from '../../http/problem.ts';
import { findImport, importDirectory, listImports, removeImport } from '../../services/directory-imports.ts';
import type { WorkspaceEnv } from '../context.ts';
import { formInput, parseForm, type FormErrors } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { refuse, requireCurator } from '../session.tsx';
import { ImportRemoveView, ImportsView, type ImportValues } from './imports.view.tsx';

/**
 * The directories this node imports (Open Referral HSDS 3), for its curators: the API's
 * `/v1/directories` routes take any curator's key, so any community's curator sees them here.
 */
export const importsScreen: Screen = (ws, node) => {
  const base = (c: Context<WorkspaceEnv>) => `/workspace/c/${c.get('community').slug}/directories`;
  const page = async (c: Context<WorkspaceEnv>, extra: { errors?: FormErrors; values?: ImportValues } = {}) =>
    c.render(<ImportsView directories={await listImports(node.db)} {...extra} />, { title: c.get('t').imports.title });

  ws.get('/c/:community/directories', requireCurator, (c) => page(c));

  ws.post('/c/:community/directories', requireCurator, async (c) => {
    const k = c.get('t').imports.errors;
    const input = await formInput(c);
    const values = { url: input.url as string | undefined, lang: input.lang as string | undefined };
    const parsed = parseForm(DirectoryCreate, values, c.get('t'));
    let errors: FormErrors;
    if (!parsed.ok) errors = parsed.errors.url ? { ...parsed.errors, url: k.url } : parsed.errors;
    else {
      try {
        await node.db.tx((q) => importDirectory(q, node, parsed.data));
        return c.redirect(`${base(c)}?done=directory_imported`, 303);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        const code = error.code === 'conflict' ? 'duplicate' : error.extra.errors?.[0]?.code;
        if (code !== 'duplicate' && code !== 'self' && code !== 'private_address') throw error;
        errors = { url: code === 'duplicate' ? k.duplicate : code === 'self' ? k.self : k.private };
      }
    }
    c.status(422);
    return page(c, { errors, values });
  });

  const found = async (c: Context<WorkspaceEnv>) => {
    const id = z.safeParse(Id, c.req.param('id'));
    return id.success ? findImport(node.db, id.data) : null;
  };

  ws.get('/c/:community/directories/:id/remove', requireCurator, async (c) => {
    const directory = await found(c);
    if (!directory) return refuse(c, 404);
    return c.render(<ImportRemoveView directory={directory} />, { title: `${c.get('t').imports.removeTitle} ${directory.url}` });
  });

  ws.post('/c/:community/directories/:id/remove', requireCurator, async (c) => {
    const directory = await found(c);
    if (!directory) return refuse(c, 404);
    // Removed by someone else meanwhile: the list says it is gone either way.
    await node.db.tx((q) => removeImport(q, directory.id)).catch((error) => {
      if (!(error instanceof ProblemError && error.code === 'not_found')) throw error;
    });
    return c.redirect(`${base(c)}?done=directory_removed`, 303);
  });
};
