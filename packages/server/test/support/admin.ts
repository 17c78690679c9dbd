import { runAdmin } from '../../src/cli/admin.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';

/**
 * The admin command's logic (`npm run perron -- …`), run in this process on one opening of an
 * embedded database: each process on an embedded database costs seconds. The command's wiring as
 * a process is tested by the busy-database refusal (test/trust) and by the README test, which
 * runs the README's `npm run perron` lines as written. Each entry of `commands` is one command's
 * arguments; the answer is each command's output.
 */
export async function admin(dataDir: string, ...commands: string[][]): Promise<string[]> {
  const db = await openDatabase({ dataDir });
  try {
    await migrate(db);
    const out: string[] = [];
    for (const args of commands) out.push((await db.tx((q) => runAdmin(args, q, new Date()))).join('\n'));
    return out;
  } finally {
    await db.close();
  }
}
