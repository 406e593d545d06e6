import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startBrowserHarness, type ApiClient, type BrowserHarness } from './harness.js';

interface Summary {
  readonly id: string;
  readonly subject: string;
}
interface Span {
  readonly text: string;
  readonly ref?: { readonly kind: string; readonly id: string };
}
interface Detail {
  readonly verdict: { readonly subject: string; readonly from: string | null; readonly narrative: { readonly sentences: Span[][] } };
}

/**
 * The dashboard in a real browser (Debian's chromium, headless, driven by playwright-core)
 * against the real server on a seeded store. Each page visited is saved as a screenshot in
 * test/browser/screenshots/.
 */
let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('dashboard in chromium', () => {
  it('refuses a wrong password, then logs in', async () => {
    const context = await harness.browser.newContext({ baseURL: harness.url });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectVisible(page.getByRole('alert'));
    await harness.screenshot(page, '01-login-refused');
    await page.getByLabel('Password').fill('browser tests password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectVisible(page.getByRole('navigation', { name: 'Main' }));
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('admin · admin');
    await context.close();
  });

  it('overview: headline numbers and charts drawn from the data (SVG with data marks)', async () => {
    const { context, page } = await harness.loggedIn('admin');
    await expectVisible(page.getByRole('heading', { name: 'Overview', level: 1 }));
    const trend = page.getByRole('figure', { name: /Mail per day by action: \d+ messages over \d+ days/u });
    await expectVisible(trend);
    // Bars are drawn as SVG paths; weeks of history give many.
    await expect.poll(() => trend.locator('svg .recharts-bar-rectangle path').count()).toBeGreaterThan(20);
    const label = (await trend.getAttribute('aria-label')) ?? '';
    const [, total, days] = /(\d+) messages over (\d+) days/u.exec(label) ?? [];
    expect(Number(total)).toBeGreaterThan(50);
    expect(Number(days)).toBeGreaterThan(14);
    const tags = page.locator('section', { has: page.getByRole('heading', { name: 'Mail by tag' }) });
    await expect.poll(() => tags.locator('svg .recharts-bar-rectangle path').count()).toBeGreaterThan(2);
    const processed = page.getByRole('region', { name: 'Headline numbers' });
    expect(await processed.textContent()).toMatch(/Mail processed\s*[\d,]+/u);
    await expectVisible(page.getByRole('heading', { name: 'Top targeted users' }));
    await harness.screenshot(page, '02-overview');
    await context.close();
  });

  it('a custom widget (tag × group) on a new dashboard is filled with the matching mail, and stays after a reload', async () => {
    const { tag, group, label } = await tagAndGroupWithMail(await harness.api('admin'));
    const { context, page } = await harness.loggedIn('analyst');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboards' }).click();
    await page.getByRole('button', { name: 'New dashboard' }).click();
    const create = page.getByRole('form', { name: 'New dashboard' });
    await create.getByLabel('Name').fill('Who gets what');
    await create.getByRole('button', { name: 'Create' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Who gets what', level: 1 }));
    await page.getByRole('button', { name: 'Add widget' }).click();
    const form = page.getByRole('form', { name: 'Add widget' });
    const title = `${tag} to ${group}`;
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Tag').fill(tag);
    await form.getByLabel('Group', { exact: true }).selectOption(group);
    await form.getByLabel('View').selectOption('bar');
    await form.getByLabel('Group by').selectOption('recipient');
    await harness.screenshot(page, '03-widget-form');
    await form.getByRole('button', { name: 'Save' }).click();
    const widget = page.getByRole('region', { name: title });
    // The bars are the API's answer for exactly this filter: tag AND group, by recipient.
    const chart = widget.getByRole('figure', { name: `${title}: ${label}` });
    await expectVisible(chart);
    await expect.poll(() => chart.locator('svg .recharts-bar-rectangle path').count()).toBeGreaterThan(0);
    expect(await widget.textContent()).toContain(`group ${group}`);
    await page.reload();
    await expectVisible(page.getByRole('region', { name: title }).getByRole('figure', { name: `${title}: ${label}` }));
    await harness.screenshot(page, '04-dashboard-widget');
    await context.close();
  });

  it('an email page tells the story, and its lookalike jump-off opens the two domains side by side', async () => {
    const admin = await harness.api('admin');
    const { items } = await admin.get<{ items: Summary[] }>(`/messages?${new URLSearchParams({ tag: 'Lookalike Domain', limit: '50' }).toString()}`);
    let chosen: { id: string; detail: Detail; span: Span } | null = null;
    for (const item of items) {
      const detail = await admin.get<Detail>(`/messages/${item.id}`);
      const span = detail.verdict.narrative.sentences.flat().find((s) => s.ref?.kind === 'lookalike' && s.ref.id.includes('~'));
      if (span) {
        chosen = { id: item.id, detail, span };
        break;
      }
    }
    if (!chosen) throw new Error('no seeded lookalike email with a lookalike pair in its narrative');
    const [left, right] = chosen.span.ref?.id.split('~') ?? [];
    const { context, page } = await harness.loggedIn('analyst');
    await page.goto(`/emails/${chosen.id}`);
    await expectVisible(page.getByRole('heading', { name: chosen.detail.verdict.subject, level: 1 }));
    const story = page.getByRole('region', { name: 'What happened' });
    await expectVisible(story);
    await expectVisible(page.locator('iframe[title="Message body"][sandbox=""]'));
    // The body is drawn (sanitised, sandboxed): its text is there to read.
    await expectVisible(page.frameLocator('iframe[title="Message body"]').locator('body').getByText(/\w+/u).first());
    await harness.screenshot(page, '05-email');
    await page.getByRole('region', { name: 'Body' }).screenshot({ path: `${SCREENSHOTS}/05-email-body.png` });
    // The jump-off itself: the narrative's link for this span (its text may also name other links).
    const jumpOff = story.getByRole('link', { name: chosen.span.text }).and(story.locator(`a[href="/profiles/lookalike/${encodeURIComponent(chosen.span.ref?.id ?? '')}"]`));
    await jumpOff.first().click();
    await expectVisible(page.getByRole('heading', { name: `Lookalike: ${left} vs ${right}`, level: 1 }));
    await expectVisible(page.getByRole('heading', { name: 'The difference, character by character' }));
    await expectVisible(page.getByRole('region', { name: left ?? '' }));
    await expectVisible(page.getByRole('region', { name: right ?? '' }));
    await harness.screenshot(page, '06-lookalike-profile');
    // The sender's own profile is one click from the email too.
    await page.goBack();
    const from = chosen.detail.verdict.from ?? '';
    await page.getByRole('link', { name: from, exact: true }).first().click();
    await expectVisible(page.getByRole('heading', { name: `Sender ${from}`, level: 1 }));
    await harness.screenshot(page, '07-sender-profile');
    await context.close();
  });

  it('an analyst releases a held email; the release is in the message history and the audit log', async () => {
    const { context, page } = await harness.loggedIn('analyst');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Held' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Held mail', level: 1 }));
    const row = page.locator('table.held-table tbody tr').first();
    await expectVisible(row);
    await harness.screenshot(page, '08-held');
    const messagePage = (await row.getByRole('link', { name: 'Open message' }).getAttribute('href')) ?? '';
    const verdictId = decodeURIComponent(messagePage.replace('/emails/', ''));
    await row.getByRole('button', { name: 'Release', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Release this message?' });
    await dialog.getByLabel('Reason').fill('known supplier, checked by phone');
    await dialog.getByRole('button', { name: 'Confirm release' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: '1 message released.' }));

    await page.goto(messagePage);
    const history = page.getByRole('region', { name: 'History' });
    const release = history.getByRole('row').filter({ hasText: 'quarantine.release' });
    await expectVisible(release);
    expect(await release.textContent()).toContain('known supplier, checked by phone');
    expect(await release.textContent()).toContain('analyst');
    await harness.screenshot(page, '09-released-email-history');

    const admin = await harness.api('admin');
    const { items } = await admin.get<{ items: Array<{ action: string; actor: string; subject: string; detail: unknown }> }>('/audit');
    const { quarantine } = await admin.get<{ quarantine: { id: string; state: string } | null }>(`/messages/${verdictId}`);
    expect(quarantine?.state).toBe('released');
    expect(items.some((e) => e.action === 'quarantine.release' && e.subject === quarantine?.id && e.actor.includes('analyst'))).toBe(true);
    await context.close();
  });

  it('a viewer sees the held queue without Release buttons, and the API refuses a viewer\'s release', async () => {
    const { context, page } = await harness.loggedIn('viewer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Held' }).click();
    const row = page.locator('table.held-table tbody tr').first();
    await expectVisible(row);
    expect(await page.getByRole('button', { name: /^Release/u }).count()).toBe(0);
    const messagePage = (await row.getByRole('link', { name: 'Open message' }).getAttribute('href')) ?? '';
    await page.goto(messagePage);
    await expectVisible(page.getByRole('region', { name: 'Quarantine' }));
    expect(await page.getByRole('button', { name: 'Release' }).count()).toBe(0);
    await harness.screenshot(page, '10-viewer-email');

    const viewer = await harness.api('viewer');
    const { items } = await viewer.get<{ items: Array<{ id: string }> }>('/held?state=held');
    const refused = await viewer.post(`/held/${items[0]?.id ?? 'none'}/release`, { reason: 'viewer tries' });
    expect(refused.status).toBe(403);
    const after = await viewer.get<{ state: string }>(`/held/${items[0]?.id ?? 'none'}`);
    expect(after.state).toBe('held');
    await context.close();
  });

  it('an admin changes a setting; the page says it is saved, the server has it, and the audit log records it', async () => {
    const { context, page } = await harness.loggedIn('admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Organisation settings' });
    await expectVisible(form);
    await form.getByLabel('Quarantine retention (days)').fill('60');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expectVisible(form.getByRole('status').filter({ hasText: 'Settings saved.' }));
    await harness.screenshot(page, '12-settings-saved');

    const admin = await harness.api('admin');
    const { editable } = await admin.get<{ editable: { quarantineRetentionDays: number } }>('/settings');
    expect(editable.quarantineRetentionDays).toBe(60);
    const { items } = await admin.get<{ items: Array<{ action: string; actor: string; detail: { after?: Record<string, unknown> } }> }>('/audit');
    expect(items.some((e) => e.action === 'settings.change' && e.actor === 'admin' && e.detail.after?.quarantineRetentionDays === 60)).toBe(true);
    await context.close();
  });
});

/** A tag and a group whose mail exists in the seeded month (as the widget will ask for it), most telling first. */
async function tagAndGroupWithMail(api: ApiClient): Promise<{ tag: string; group: string; label: string }> {
  const { items: groups } = await api.get<{ items: Array<{ name: string }> }>('/groups');
  const { byTag } = await api.get<{ byTag: Record<string, number> }>('/overview?days=30');
  const tags = Object.entries(byTag).sort((a, b) => b[1] - a[1]).map(([tag]) => tag);
  for (const tag of tags) {
    for (const { name } of groups) {
      const query = new URLSearchParams({ tag, group: name, view: 'bar', by: 'recipient', days: '30' });
      const data = await api.get<{ bars: Array<{ label: string; count: number }> }>(`/widgets/data?${query.toString()}`);
      if (data.bars.length > 0) return { tag, group: name, label: data.bars.map((bar) => `${bar.label} ${bar.count}`).join(', ') };
    }
  }
  throw new Error('the seeded organisation has no tagged mail to any group');
}

/** Waits for the locator to be visible (playwright's own waiting, with its clear error on timeout). */
async function expectVisible(locator: { waitFor(options?: { state?: 'visible'; timeout?: number }): Promise<void> }): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 15_000 });
}
