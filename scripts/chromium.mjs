// Debian's Chromium, as every browser test here launches it (root needs --no-sandbox; nothing
// may reach the network, so the background services that would try are off).
export const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
