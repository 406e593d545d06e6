import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_BODY_CSP } from '../../src/api/routes/message-body.js';
import { SCREENSHOTS, startBrowserHarness, type BrowserHarness } from './harness.js';
import { BENIGN_TEXT, HOSTILE_SUBJECT, LINK_TEXT, hostileMime } from './hostile-email.fixture.js';

/**
 * Issue 7's proof in a real browser: an email whose HTML carries scripts, event handlers,
 * remote images, stylesheets and CSS exfiltration is stored as the gateway stores it (the
 * engine's own path from raw MIME), then opened on the email page in chromium. Nothing in it may
 * run, load or navigate. Every URL in the email points at a loopback server that records what
 * reaches it, so "nothing loaded" is observed, not assumed.
 */

/** A loopback HTTP server that records every request and answers each with something that would do harm if loaded. */
interface RecordingServer {
  readonly origin: string;
  readonly requests: string[];
  close(): Promise<void>;
}

/** What each kind of URL answers: a script that marks the top page, a stylesheet that loads more, a page with a script. */
function harmfulAnswer(url: string, origin: string): { type: string; body: string } {
  const script = `try { window.top.__belongMarker = 'set by ${url}'; } catch (e) {} alert('${url}');`;
  if (url.endsWith('.js')) return { type: 'text/javascript', body: script };
  if (url.endsWith('.css')) return { type: 'text/css', body: `body { background: url(${origin}/from-stylesheet.png); }` };
  return { type: 'text/html', body: `<!doctype html><script>${script}</script><p>remote content</p>` };
}

async function startRecordingServer(): Promise<RecordingServer> {
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method ?? '?'} ${request.url ?? ''}`);
    const answer = harmfulAnswer(request.url ?? '', origin);
    response.writeHead(200, { 'content-type': answer.type, 'access-control-allow-origin': '*' });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** What the framed document holds, read inside the frame itself. */
interface FrameContents {
  readonly scripts: number;
  readonly handlerAttributes: string[];
  readonly text: string;
}

// Evaluated in the frame; a string because the tests typecheck without the DOM library.
const READ_FRAME = `(() => ({
  scripts: document.getElementsByTagName('script').length,
  handlerAttributes: [...document.getElementsByTagName('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + ' ' + a.name)),
  text: document.body ? document.body.innerText : '',
}))()`;

const MARKER = 'untouched by the email';

let harness: BrowserHarness;
let remote: RecordingServer;
beforeAll(async () => {
  remote = await startRecordingServer();
  harness = await startBrowserHarness();
});
afterAll(async () => {
  await harness?.close();
  await remote?.close();
});

describe('a hostile email in chromium', () => {
  it('renders its text with no script, handler, remote load, CSS exfiltration or navigation active', async () => {
    const recipient = harness.organisation.sim.org.people[0]?.address ?? `someone@${harness.organisation.sim.org.domain}`;
    const now = new Date();
    const { verdict } = await harness.server.engine.process(hostileMime({ origin: remote.origin, from: 'finance@board-pack.example', to: recipient, date: now }), { now: now.getTime() });

    const { context, page } = await harness.loggedIn('analyst');
    // The top page's own marker, set before any of its scripts (and the frame) run.
    await context.addInitScript(`if (window === window.top) window.__belongMarker = ${JSON.stringify(MARKER)};`);
    const seen: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (request) => seen.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const bodyUrl = `/api/v1/messages/${encodeURIComponent(verdict.id)}/body`;
    const bodyResponse = page.waitForResponse((response) => response.url() === `${harness.url}${bodyUrl}`);

    await page.goto(`/emails/${encodeURIComponent(verdict.id)}`);
    await page.getByRole('heading', { name: HOSTILE_SUBJECT, level: 1 }).waitFor({ timeout: 15_000 });
    const frameElement = page.locator('iframe[title="Message body"]');
    const frameLocator = page.frameLocator('iframe[title="Message body"]');
    // The body frame has loaded when its visible text is there. If it never is (a refresh or a
    // script took the frame away), say what the email managed to do, not only that time ran out.
    for (const text of BENIGN_TEXT) {
      await frameLocator.getByText(text).waitFor({ state: 'visible', timeout: 15_000 }).catch((error: unknown) => {
        throw new Error(`the body text "${text}" never showed (${String(error)}); requests to the email's URLs: ${JSON.stringify(remote.requests)}; dialogs: ${JSON.stringify(dialogs)}`);
      });
    }
    // A javascript: link is only dangerous when followed: follow it.
    await frameLocator.getByText(LINK_TEXT).click();
    // Then give anything delayed (a timer, a 0-second refresh, a late stylesheet or image) its chance.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_500);

    // The walls: a sandbox with no allowances, and the body served under the CSP.
    expect(await frameElement.getAttribute('sandbox')).toBe('');
    const response = await bodyResponse;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-security-policy']).toBe(MESSAGE_BODY_CSP);

    // Nothing reached the email's URLs, from the browser or from the server side.
    expect(remote.requests).toEqual([]);
    expect(seen.filter((url) => url.startsWith(remote.origin))).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.title()).toBe('belong');
    expect(await page.evaluate<string>('window.__belongMarker')).toBe(MARKER);

    // The frame still shows the body (no refresh, <base> or form navigated it) and holds nothing that runs.
    const frame = await (await frameElement.elementHandle())?.contentFrame();
    if (!frame) throw new Error('the message body frame has no document');
    expect(frame.url()).toBe(`${harness.url}${bodyUrl}`);
    const contents = await frame.evaluate<FrameContents>(READ_FRAME);
    expect(contents.scripts).toBe(0);
    expect(contents.handlerAttributes).toEqual([]);
    for (const text of [...BENIGN_TEXT, LINK_TEXT]) expect(contents.text).toContain(text);

    await harness.screenshot(page, '11-hostile-email');
    await page.getByRole('region', { name: 'Body' }).screenshot({ path: `${SCREENSHOTS}/11-hostile-email-body.png` });
    await context.close();
  });
});
