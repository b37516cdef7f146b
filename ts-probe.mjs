import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: process.env.ARGS ? ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run','--disable-sync','--disable-quic'] : ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
if (process.env.CLOCK) await context.clock.install({ time: Date.parse('2026-12-02T03:00:00Z') });
const page = await context.newPage();
await page.setContent('<input id=f>');
await page.focus('#f');
await page.evaluate(() => { window.stamps = []; window.addEventListener('keydown', (e) => { window.stamps.push([e.key, Math.round(e.timeStamp)]); e.preventDefault(); }, true); });
const cdp = await page.context().newCDPSession(page);
const start = Date.now() / 1000 + Number(process.env.OFF ?? 0);
const sends = [];
[...'BD000123'].forEach((k, i) => {
  const f = { key: k, code: 'Key' + k.toUpperCase(), text: k, windowsVirtualKeyCode: k.toUpperCase().charCodeAt(0) };
  sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', timestamp: start + i * 0.02, ...f }));
});
await Promise.all(sends);
const s = await page.evaluate(() => window.stamps);
console.log(process.env.CLOCK, process.env.ARGS, process.env.OFF, s.map(([k,t],i) => i ? t - s[i-1][1] : 0).join(','));
await browser.close();
