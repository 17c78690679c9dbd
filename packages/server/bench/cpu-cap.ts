// Caps a process's CPU with a Linux cgroup (v2's cpu.max, else v1's CFS quota), so that a bench can
// make the node the bottleneck on a machine with fewer cores than its processes need. Root only;
// elsewhere `capCpu` answers undefined and the bench says it skipped the capped run.
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A short period: a process that used its share waits at most the rest of 10 ms, not of the default 100 ms.
const PERIOD_US = 10_000;

/** Where a new group goes and how its quota is written, or undefined when this machine offers neither. */
function hierarchy(): { root: string; quota: (dir: string, us: number) => void } | undefined {
  const v2 = '/sys/fs/cgroup';
  if (existsSync(join(v2, 'cgroup.subtree_control')) && readFileSync(join(v2, 'cgroup.controllers'), 'utf8').includes('cpu')) {
    return { root: v2, quota: (dir, us) => writeFileSync(join(dir, 'cpu.max'), `${us} ${PERIOD_US}`) };
  }
  const v1 = '/sys/fs/cgroup/cpu';
  if (existsSync(join(v1, 'cpu.cfs_quota_us'))) {
    return {
      root: v1,
      quota: (dir, us) => {
        writeFileSync(join(dir, 'cpu.cfs_period_us'), String(PERIOD_US));
        writeFileSync(join(dir, 'cpu.cfs_quota_us'), String(us));
      },
    };
  }
  return undefined;
}

/**
 * Puts `pid` in a group of its own limited to `cores` (0.25: a quarter of one core). Returns a
 * function that moves it back and removes the group, or undefined when it can't be done here.
 */
export function capCpu(pid: number, cores: number): (() => void) | undefined {
  const h = hierarchy();
  if (!h || process.getuid?.() !== 0) return undefined;
  const dir = join(h.root, `perron-bench-${pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    h.quota(dir, Math.round(cores * PERIOD_US));
    writeFileSync(join(dir, 'cgroup.procs'), String(pid));
  } catch {
    try {
      rmdirSync(dir);
    } catch {
      // Nothing was created.
    }
    return undefined;
  }
  return () => {
    try {
      writeFileSync(join(h.root, 'cgroup.procs'), String(pid));
    } catch {
      // The process has exited: its group is empty already.
    }
    rmdirSync(dir);
  };
}
