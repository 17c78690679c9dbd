import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import { formatMoment } from './format.ts';

/** What a screen of followed sources says of their state: its words for each, what stays shown, the next try. */
export interface SyncWords {
  state: { pending: string; ok: string; unreachable: string };
  kept: string;
  retry: (when: string) => string;
}

/**
 * How the worker's last read of a followed node or an imported directory went, in words: a failed
 * one says why (`reason`, from the worker's message, which is for operators and never shown),
 * whether what it brought stays shown, and when the next try is.
 */
export function SyncState(p: { state: 'pending' | 'ok' | 'unreachable'; reason: string; brought: boolean; nextPollAt: string; words: SyncWords }) {
  const lang = useRequestContext<WorkspaceEnv>().get('lang');
  if (p.state !== 'unreachable') return <>{p.words.state[p.state]}</>;
  return (
    <span class="ws-state">
      <strong class="ws-error-text">{p.words.state.unreachable}</strong>
      <br />
      {p.reason} {p.brought && `${p.words.kept} `}
      {p.words.retry(formatMoment(lang, p.nextPollAt))}
    </span>
  );
}
