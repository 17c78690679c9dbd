import type { RunningNode } from '../../src/index.ts';

/**
 * Every table of the node's database, and the rows of each whose text holds one of `needles`
 * (compared as written: a name keeps its accents): what the node still keeps of a person.
 */
export async function rowsNaming(node: RunningNode, needles: string[]): Promise<Record<string, string[]>> {
  const tables = await node.db.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
  );
  if (tables.length < 20) throw new Error(`Expected the node's tables, found ${tables.length}`);
  const found: Record<string, string[]> = {};
  for (const { name } of tables) {
    for (const needle of needles) {
      const rows = await node.db.query<{ row: string }>(`select x::text as row from "${name}" x where strpos(lower(x::text), lower($1)) > 0`, [needle]);
      if (rows.length) (found[name] ??= []).push(...rows.map((r) => r.row.slice(0, 300)));
    }
  }
  return found;
}

/** Everything written to stdout and stderr (console included) until `stop()`, still passed through. */
export function captureOutput() {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((s) => s.write);
  streams.forEach((stream, i) => {
    const original = originals[i]!;
    stream.write = function (this: typeof stream, chunk: unknown, ...rest: unknown[]) {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof stream.write;
  });
  return {
    text: () => chunks.join(''),
    stop: () => streams.forEach((stream, i) => (stream.write = originals[i]!)),
  };
}
