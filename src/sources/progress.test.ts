import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatProgressLine, plainInterval, type ProgressStream } from './progress.js';

function capture(isTTY: boolean): { stream: ProgressStream; text: () => string } {
  let text = '';
  const stream = Object.assign(
    new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } }),
    { isTTY },
  );
  return { stream, text: () => text };
}

describe('createProgress', () => {
  it('formats the plain line', () => {
    expect(formatProgressLine('learn', 1200, 5429, 3100)).toBe('learn: 1200/5429 (22%) 3.1s\n');
  });

  it('prints every max(100, total/20) items and a final line when not a TTY', () => {
    expect(plainInterval(50)).toBe(100);
    expect(plainInterval(5429)).toBe(272);
    const { stream, text } = capture(false);
    let clock = 0;
    const progress = createProgress('scan', 250, stream, () => clock);
    for (let i = 0; i < 250; i++) {
      clock += 10;
      progress.tick();
    }
    progress.done();
    progress.done();
    expect(text()).toBe('scan: 100/250 (40%) 1.0s\nscan: 200/250 (80%) 2.0s\nscan: 250/250 (100%) 2.5s\n');
  });

  it('prints a line when a multi-item tick crosses the interval', () => {
    const { stream, text } = capture(false);
    const progress = createProgress('learn', 1000, stream, () => 0);
    progress.tick(150);
    expect(text()).toBe('learn: 150/1000 (15%) 0.0s\n');
  });

  it('draws a bar on a TTY', () => {
    const { stream, text } = capture(true);
    const progress = createProgress('learn', 3, stream);
    progress.tick(3);
    progress.done();
    expect(text()).toContain('3/3');
  });
});
