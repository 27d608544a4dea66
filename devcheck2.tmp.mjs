import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const p = await b.newPage();
p.on('response', async (r) => {
  const u = r.url();
  if (!u.includes('5199')) return;
  try { const t = await r.text(); if (/\bmodule\.exports|\brequire\(/.test(t) && !u.includes('.vite/deps/')) console.log('CJS?', u); } catch {}
});
p.on('worker', (w) => console.log('worker', w.url()));
await p.goto('http://127.0.0.1:5199/#/playground');
await p.locator('.monaco-editor .view-lines').waitFor({ timeout: 60000 });
await p.waitForTimeout(3000);
await b.close();
