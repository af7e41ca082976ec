import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { hrefFor, navigate, parseHash, useRoute, type RouteTarget } from '../../renderer/src/app/routes.ts';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('parseHash', () => {
  it.each([
    ['', { name: 'home' }],
    ['#', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/settings', { name: 'settings' }],
    ['#/sync', { name: 'sync' }],
    ['#/a/abc-123', { name: 'workspace', assessmentId: 'abc-123' }],
    ['#/a/abc-123/', { name: 'workspace', assessmentId: 'abc-123' }],
    ['#/a/abc-123/kpi/EC-ICT-ICT-1C', { name: 'workspace', assessmentId: 'abc-123', kpiId: 'EC-ICT-ICT-1C' }],
    ['#/a/abc-123/profile', { name: 'profile', assessmentId: 'abc-123' }],
    ['#/a/abc-123/snapshot', { name: 'snapshot', assessmentId: 'abc-123' }],
    ['#/a/abc-123/report', { name: 'report', assessmentId: 'abc-123' }],
    ['#/a/abc-123/import-table', { name: 'import-table', assessmentId: 'abc-123' }],
    ['#/targets', { name: 'targets' }],
    ['#/targets/example-sdg', { name: 'targets', targetSetId: 'example-sdg' }],
    ['#/office', { name: 'office' }],
  ])('%s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it.each(['#/nope', '#/a', '#/a//profile', '#/a/x/kpi', '#/a/x/other', '#/a/%E0%A4%A/profile', '#/settings/extra', '#/a/x/charts', '#/targets/a/b', '#/office/x'])(
    '%s is not a route',
    (hash) => {
      expect(parseHash(hash)).toEqual({ name: 'notFound', hash });
    },
  );
});

describe('hrefFor', () => {
  const routes: RouteTarget[] = [
    { name: 'home' },
    { name: 'settings' },
    { name: 'sync' },
    { name: 'workspace', assessmentId: 'a1' },
    { name: 'workspace', assessmentId: 'a1', kpiId: 'SC-SH-S-3C' },
    { name: 'profile', assessmentId: 'a 1/x' },
    { name: 'snapshot', assessmentId: 'a1' },
    { name: 'report', assessmentId: 'a1' },
    { name: 'import-table', assessmentId: 'a1' },
    { name: 'targets' },
    { name: 'targets', targetSetId: 'set/1' },
    { name: 'office' },
  ];
  it.each(routes)('round-trips %o', (route) => {
    expect(parseHash(hrefFor(route))).toEqual(route);
  });

  it('escapes ids so they cannot add path segments', () => {
    expect(hrefFor({ name: 'profile', assessmentId: 'a/b' })).toBe('#/a/a%2Fb/profile');
  });
});

function ShowRoute() {
  const route = useRoute();
  return <output>{JSON.stringify(route)}</output>;
}

describe('useRoute and navigate', () => {
  it('re-renders on navigation and on a typed hash change', async () => {
    render(<ShowRoute />);
    expect(JSON.parse(screen.getByRole('status').textContent ?? '')).toEqual({ name: 'home' });

    await act(async () => {
      navigate({ name: 'profile', assessmentId: 'xyz' });
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(window.location.hash).toBe('#/a/xyz/profile');
    expect(JSON.parse(screen.getByRole('status').textContent ?? '')).toEqual({ name: 'profile', assessmentId: 'xyz' });

    await act(async () => {
      window.location.hash = '#/a/xyz/kpi/K1';
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(JSON.parse(screen.getByRole('status').textContent ?? '')).toEqual({ name: 'workspace', assessmentId: 'xyz', kpiId: 'K1' });
  });
});
