// `npm run bench`: the community example site as a visitor gets it from a real node (started as
// `npm start` starts it), in Debian's Chromium:
//   1. Lighthouse's performance score, CLS and total blocking time, with its mobile settings and its
//      desktop preset, side by side (median of LIGHTHOUSE_RUNS runs, default 3);
//   2. when each element shows its data, on the site's French page and on its English one, against
//      an <iframe> of the node's own project page on a host page, all loaded in turn in this run under
//      Lighthouse's throttling (slow 4G and 4× CPU on mobile, none on desktop), with the layout
//      shifts each page made (PerformanceObserver).
// Issue 13's targets: score ≥ 95, CLS ≤ 0.02, TBT ≤ 150 ms on both; the elements before the iframe.
// It fails (exit 1) when a layout shift is over its target: layout shifts do not depend on the
// machine's load. Scores and blocking time do (docs/performance.md), so they are printed, not enforced.
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { args, executablePath } from '../../../scripts/chromium.mjs';
import { startExampleNode } from './example-node.ts';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const TARGET = { score: 95, cls: 0.02, tbt: 150 };
const PROJECT = 'prj_patinoire-ruelle';
const TAGS = ['perron-project-card', 'perron-needs-list', 'perron-pledge-form', 'perron-event-calendar', 'perron-idea-vote', 'perron-idea-form'];

/** Lighthouse's own settings for each form factor, for the runs measured outside it. */
const PROFILES = {
  mobile: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, latencyMs: 150 * 3.75, downKbps: 1638.4 * 0.9, upKbps: 750 * 0.9, cpu: 4 },
  desktop: { viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1, isMobile: false, latencyMs: 40, downKbps: 10240, upKbps: 10240, cpu: 1 },
} as const;
type FormFactor = keyof typeof PROFILES;

/**
 * Runs in every frame before its own scripts: records when each element first shows its data and,
 * in a framed project page, when its title is there and the page parsed; sums the layout shifts.
 * A string, not a function: the TypeScript loader would wrap named functions in a helper the page lacks.
 */
const WATCH = `(tags) => {
  const state = (window.__perron = { shown: {}, cls: 0 });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) state.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const tick = () => {
    const now = performance.timeOrigin + performance.now();
    for (const el of document.querySelectorAll(tags.join())) {
      const root = el.shadowRoot;
      if (!state.shown[el.localName] && root && root.textContent.trim() && !root.querySelector('[part~="loading"]')) state.shown[el.localName] = now;
    }
    if (!state.shown.page && document.querySelector('h1') && document.readyState !== 'loading') state.shown.page = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

const site = await startExampleNode();
const page = `${site.examples}/community-site/`;
const iframeHost = await startIframeHost(`${site.node}/projects/${PROJECT}`);
let failed = false;
try {
  console.log(`node ${site.node}, community site ${page}; load average before: ${load()}\n`);

  // 1. Lighthouse, mobile then desktop, RUNS times each, alternating.
  const chrome = await launchChrome({ chromePath: executablePath, chromeFlags: ['--headless=new', ...args] });
  const lh: Record<FormFactor, { score: number; cls: number; tbt: number; lcp: number }[]> = { mobile: [], desktop: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const factor of ['mobile', 'desktop'] as const) {
        const result = await lighthouse(page, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' }, factor === 'desktop' ? desktopConfig : undefined);
        const { categories, audits, runtimeError } = result!.lhr;
        if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
        lh[factor].push({
          score: Math.round((categories.performance!.score ?? 0) * 100),
          cls: audits['cumulative-layout-shift']!.numericValue!,
          tbt: audits['total-blocking-time']!.numericValue!,
          lcp: audits['largest-contentful-paint']!.numericValue!,
        });
      }
    }
  } finally {
    chrome.kill();
  }
  console.log(`Lighthouse ${RUNS}× each (median; every run in brackets), load average after: ${load()}`);
  console.log(`                    mobile                              desktop                             target`);
  const row = (name: string, pick: (r: (typeof lh.mobile)[number]) => number, unit: string, digits: number, target: string) => {
    const cell = (f: FormFactor) => {
      const xs = lh[f].map(pick);
      return `${median(xs).toFixed(digits)}${unit} [${xs.map((x) => x.toFixed(digits)).join(', ')}]`.padEnd(36);
    };
    console.log(`  ${name.padEnd(18)}${cell('mobile')}${cell('desktop')}${target}`);
  };
  row('performance', (r) => r.score, '', 0, `≥ ${TARGET.score}`);
  row('CLS', (r) => r.cls, '', 3, `≤ ${TARGET.cls}`);
  row('total blocking', (r) => r.tbt, ' ms', 0, `≤ ${TARGET.tbt} ms`);
  row('LCP', (r) => r.lcp, ' ms', 0, '');

  // 2. When each element shows its data, against the iframe, under the same throttling; layout shifts.
  const browser = await chromium.launch({ executablePath, args, headless: true });
  try {
    for (const factor of ['mobile', 'desktop'] as const) {
      // The French page, its English twin (which also needs the English words), and the iframe, in turn.
      const community: Record<string, number>[] = [];
      const english: Record<string, number>[] = [];
      const framed: number[] = [];
      const shifts: { community: number[]; iframe: number[] } = { community: [], iframe: [] };
      for (let i = 0; i < RUNS; i++) {
        const c = await visit(browser, factor, page, TAGS);
        community.push(c.shown);
        shifts.community.push(c.cls);
        english.push((await visit(browser, factor, `${page}en.html`, TAGS)).shown);
        const f = await visit(browser, factor, iframeHost.url, ['page'], true);
        framed.push(f.shown.page!);
        shifts.iframe.push(f.cls);
      }
      const iframe = median(framed);
      console.log(`\n${factor} (${PROFILES[factor].viewport.width} px${PROFILES[factor].cpu > 1 ? `, slow 4G, ${PROFILES[factor].cpu}× CPU` : ''}): data shown, ms after navigation (median of ${RUNS}), load ${load()}`);
      console.log(`  ${''.padEnd(24)} ${'French page'.padStart(30)}   ${'English page'.padStart(30)}`);
      const cell = (t: number) => `${t.toFixed(0).padStart(6)} ms, ${(t / iframe).toFixed(2)}× the iframe`.padStart(30);
      for (const tag of TAGS) console.log(`  ${tag.padEnd(24)} ${cell(median(community.map((s) => s[tag]!)))}   ${cell(median(english.map((s) => s[tag]!)))}`);
      console.log(`  ${'<iframe> project page'.padEnd(24)} ${iframe.toFixed(0).padStart(6)} ms`);
      const [cls, clsIframe] = [median(shifts.community), median(shifts.iframe)];
      console.log(`  layout shift (CLS): community site ${cls.toFixed(3)} [${shifts.community.map((x) => x.toFixed(3)).join(', ')}], iframe page ${clsIframe.toFixed(3)}`);
      if (cls > TARGET.cls) failed = true;
    }
  } finally {
    await browser.close();
  }
  for (const factor of ['mobile', 'desktop'] as const) if (median(lh[factor].map((r) => r.cls)) > TARGET.cls) failed = true;
  if (failed) console.log(`\nOVER TARGET: a layout shift above ${TARGET.cls} (docs/performance.md)`);
} finally {
  await iframeHost.close();
  await site.close();
}
process.exit(failed ? 1 : 0);

interface Perron {
  __perron: { shown: Record<string, number>; cls: number };
}

/**
 * One cold visit (a new browser profile) under a form factor's throttling: when each element first
 * showed its data (its shadow root has text and no loading state) and, in a framed project page,
 * when its title and needs were parsed, in ms after the navigation began; and the layout shifts.
 */
async function visit(browser: Browser, factor: FormFactor, url: string, awaited: string[], framed = false) {
  const p = PROFILES[factor];
  const context = await browser.newContext({ viewport: p.viewport, deviceScaleFactor: p.deviceScaleFactor, isMobile: p.isMobile, locale: 'fr-CA' });
  try {
    await context.addInitScript(`(${WATCH})(${JSON.stringify(TAGS)})`);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: p.latencyMs,
      downloadThroughput: (p.downKbps * 1024) / 8,
      uploadThroughput: (p.upKbps * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: p.cpu });
    await page.goto(url);
    const frame = framed ? page.frames().find((f) => f !== page.mainFrame())! : page.mainFrame();
    await frame.waitForFunction((keys) => keys.every((k) => (window as unknown as Perron).__perron.shown[k]), awaited, { timeout: 120_000, polling: 100 });
    // Shifts that come after the data: a late font, an image without a size.
    await page.waitForTimeout(1000);
    const origin = await page.evaluate(() => performance.timeOrigin);
    const shown = await frame.evaluate(() => (window as unknown as Perron).__perron.shown);
    const cls = await page.evaluate(() => (window as unknown as Perron).__perron.cls);
    return { shown: Object.fromEntries(Object.entries(shown).map(([k, t]) => [k, t - origin])), cls };
  } finally {
    await context.close();
  }
}

/** A host page on its own origin that frames the node's project page, as a site without the elements would. */
async function startIframeHost(src: string) {
  const html = `<!doctype html>
<html lang="fr-CA"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Notre projet</title></head>
<body><main><h1>Notre projet</h1>
<iframe src="${src}" title="La patinoire de la ruelle Henri-Julien" width="100%" height="900" style="border:0;max-width:40rem"></iframe>
</main></body></html>`;
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
