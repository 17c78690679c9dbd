import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const port = 6100 + Math.floor(Math.random() * 800);
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '-d', 'storybook-static'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
const shots = process.argv.slice(2);
for (const spec of shots) {
  const [id, width = '900', action = ''] = spec.split('@');
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
  await page.waitForTimeout(2500);
  if (action === 'submit') {
    await page.locator('perron-pledge-form button[type=submit]').click();
    await page.waitForTimeout(500);
  }
  if (action === 'open') {
    await page.locator('perron-needs-list [part~=help]').first().click();
    await page.waitForTimeout(1500);
  }
  if (action === 'details') {
    await page.locator('perron-event-calendar .event button').first().click();
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: `/tmp/shots/${id.replace('éléments-perron-', '')}-${width}${action ? '-' + action : ''}.png`, fullPage: true });
  await page.close();
}
await browser.close();
server.kill();
