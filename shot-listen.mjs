import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
for (const [w,h,name] of [[1440,1000,'desk'],[390,844,'phone']]) {
  const c = await b.newContext({ viewport: { width: w, height: h } });
  const p = await c.newPage();
  await p.goto('http://127.0.0.1:3999/login');
  await p.fill('input[autocomplete="username"], input[name="login"], #login', 'team@larchwood.example').catch(()=>{});
  await p.fill('input[type="password"]', 'souk-demo-2026');
  await p.keyboard.press('Enter');
  await p.waitForTimeout(2000);
  await p.goto('http://127.0.0.1:3999/orgs/larchwood/listening');
  await p.waitForTimeout(3000);
  await p.screenshot({ path: `/tmp/listen-${name}.png` });
  await p.getByRole('link', { name: 'Summit Jacket' }).first().click();
  await p.getByRole('button', { name: 'Look now' }).click().catch(()=>{});
  await p.waitForTimeout(3000);
  await p.getByTestId('spike').first().waitFor({ timeout: 20000 }).catch(()=>{});
  await p.waitForTimeout(2000);
  await p.screenshot({ path: `/tmp/topic-${name}.png`, fullPage: name === 'desk' });
  await p.getByRole('button', { name: 'zip' }).first().click().catch((e)=>console.log('no zip', e.message));
  await p.waitForTimeout(2500);
  await p.screenshot({ path: `/tmp/drill-${name}.png` });
}
await b.close();
