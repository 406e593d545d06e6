import { describe, expect, it } from 'vitest';
import type { Widget } from './types';
import { describeWidget, emailsPathFor, newWidgetId, widgetDataQuery } from './widget-query';

const tagByGroup: Widget = { id: 'w1', title: 'Impersonation aimed at finance', filter: { tag: 'Impersonation', group: 'finance', minScore: 60 }, view: { type: 'bar', by: 'sender' }, days: 30 };

describe('widget queries', () => {
  it('asks GET /widgets/data for the filter, the view, what the bars split by and the period', () => {
    expect(widgetDataQuery(tagByGroup)).toEqual({ tag: 'Impersonation', group: 'finance', minScore: '60', view: 'bar', by: 'sender', days: 30 });
    expect(widgetDataQuery({ ...tagByGroup, filter: {}, view: { type: 'table' }, days: 7 })).toEqual({ view: 'table', days: 7 });
  });

  it('leaves empty filter fields out', () => {
    expect(widgetDataQuery({ ...tagByGroup, filter: { tag: '', q: 'invoice' }, view: { type: 'timeseries' } })).toEqual({ q: 'invoice', view: 'timeseries', days: 30 });
  });

  it('describes a widget in words', () => {
    expect(describeWidget(tagByGroup)).toBe('tag Impersonation · group finance · score ≥ 60 · bars by sender · last 30 days');
    expect(describeWidget({ ...tagByGroup, filter: {}, view: { type: 'timeseries' }, days: 1 })).toBe('all mail · time series · last 24 hours');
  });

  it('links to the email list with the same filter, the period start, and the clicked bar', () => {
    const now = new Date(2025, 2, 31, 12).getTime();
    const path = emailsPathFor(tagByGroup, { by: 'sender', label: 'ceo@evil.example' }, now);
    const params = new URLSearchParams(path.slice('/emails?'.length));
    expect(path.startsWith('/emails?')).toBe(true);
    expect(Object.fromEntries(params)).toEqual({ tag: 'Impersonation', group: 'finance', minScore: '60', sender: 'ceo@evil.example', from: '2025-03-01' });
  });

  it('makes distinct widget ids', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newWidgetId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^w-[0-9a-f]{18}$/u);
  });
});
