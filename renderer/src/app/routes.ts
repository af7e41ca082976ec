/**
 * A tiny hash router. Hash URLs work unchanged under app:// in Electron, from a static file server and
 * in e2e, and need no server-side fallback.
 *
 *   #/                                home
 *   #/settings                        settings
 *   #/sync                            export, import, office keys, receipts
 *   #/a/<assessmentId>                assessment workspace (KPI tree)
 *   #/a/<assessmentId>/kpi/<kpiId>    workspace with one KPI open for entry
 *   #/a/<assessmentId>/profile        city profile of the assessment
 *   #/a/<assessmentId>/snapshot       City Snapshot: scores, charts, completeness, exports
 *   #/a/<assessmentId>/report         printable results report
 *   #/a/<assessmentId>/import-table   values from a CSV or XLSX spreadsheet
 *   #/targets                         target sets;  #/targets/<targetSetId> one of them
 *   #/office                          every city and year side by side, outliers to confirm
 *   #/workshop/new                    the new-workshop wizard
 *   #/a/<assessmentId>/workshop       the assessment's workshop: people, assignments, review, packages
 *   #/a/<assessmentId>/board          the progress board for the projector
 *   #/a/<assessmentId>/worksheet/<sheet>   a printable worksheet (sheet: `d-<department>` or `p-<participantId>`)
 *   #/a/<assessmentId>/reentry/<sheet>     keying a filled-in worksheet back in, in the sheet's order
 */
import { useMemo, useSyncExternalStore } from 'react';

export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'settings' }
  | { readonly name: 'sync' }
  | { readonly name: 'workspace'; readonly assessmentId: string; readonly kpiId?: string | undefined }
  | { readonly name: 'profile'; readonly assessmentId: string }
  | { readonly name: AssessmentPage; readonly assessmentId: string }
  | { readonly name: 'targets'; readonly targetSetId?: string | undefined }
  | { readonly name: 'office' }
  | { readonly name: 'newWorkshop' }
  | { readonly name: SheetPage; readonly assessmentId: string; readonly sheet: string }
  | { readonly name: 'notFound'; readonly hash: string };

/** Routes inside one assessment, where its navigation is shown. */
export type AssessmentRoute = Extract<Route, { readonly assessmentId: string }>;

export function isAssessmentRoute(route: Route): route is AssessmentRoute {
  return 'assessmentId' in route;
}

/** Assessment screens addressed as `#/a/<id>/<name>`. */
export const ASSESSMENT_PAGES = ['snapshot', 'report', 'import-table', 'workshop', 'board'] as const;
export type AssessmentPage = (typeof ASSESSMENT_PAGES)[number];

function isAssessmentPage(segment: string | undefined): segment is AssessmentPage {
  return (ASSESSMENT_PAGES as readonly (string | undefined)[]).includes(segment);
}

/** Worksheet screens addressed as `#/a/<id>/<name>/<sheet>`. */
const SHEET_PAGES = ['worksheet', 'reentry'] as const;
export type SheetPage = (typeof SHEET_PAGES)[number];

function isSheetPage(segment: string | undefined): segment is SheetPage {
  return (SHEET_PAGES as readonly (string | undefined)[]).includes(segment);
}

export type RouteTarget = Exclude<Route, { name: 'notFound' }>;

const enc = encodeURIComponent;

export function hrefFor(route: RouteTarget): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'sync':
      return '#/sync';
    case 'workspace':
      return route.kpiId === undefined
        ? `#/a/${enc(route.assessmentId)}`
        : `#/a/${enc(route.assessmentId)}/kpi/${enc(route.kpiId)}`;
    case 'profile':
    case 'snapshot':
    case 'report':
    case 'workshop':
    case 'board':
    case 'import-table':
      return `#/a/${enc(route.assessmentId)}/${route.name}`;
    case 'worksheet':
    case 'reentry':
      return `#/a/${enc(route.assessmentId)}/${route.name}/${enc(route.sheet)}`;
    case 'newWorkshop':
      return '#/workshop/new';
    case 'targets':
      return route.targetSetId === undefined ? '#/targets' : `#/targets/${enc(route.targetSetId)}`;
    case 'office':
      return '#/office';
  }
}

function decodeSegment(segment: string): string | null {
  try {
    const decoded = decodeURIComponent(segment);
    return decoded === '' ? null : decoded;
  } catch {
    return null;
  }
}

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  if (path === '') return { name: 'home' };
  const segments = path.split('/');
  if (segments.length === 1 && segments[0] === 'settings') return { name: 'settings' };
  if (segments.length === 1 && segments[0] === 'sync') return { name: 'sync' };
  if (segments.length === 1 && segments[0] === 'office') return { name: 'office' };
  if (segments.length === 2 && segments[0] === 'workshop' && segments[1] === 'new') return { name: 'newWorkshop' };
  if (segments[0] === 'targets') {
    if (segments.length === 1) return { name: 'targets' };
    const targetSetId = segments.length === 2 && segments[1] !== undefined ? decodeSegment(segments[1]) : null;
    if (targetSetId !== null) return { name: 'targets', targetSetId };
  }
  if (segments[0] === 'a' && segments[1] !== undefined) {
    const assessmentId = decodeSegment(segments[1]);
    if (assessmentId !== null) {
      if (segments.length === 2) return { name: 'workspace', assessmentId };
      if (segments.length === 3 && segments[2] === 'profile') return { name: 'profile', assessmentId };
      if (segments.length === 3 && isAssessmentPage(segments[2])) return { name: segments[2], assessmentId };
      if (segments.length === 4 && isSheetPage(segments[2])) {
        const sheet = decodeSegment(segments[3]!);
        if (sheet !== null) return { name: segments[2], assessmentId, sheet };
      }
      if (segments.length === 4 && segments[2] === 'kpi' && segments[3] !== undefined) {
        const kpiId = decodeSegment(segments[3]);
        if (kpiId !== null) return { name: 'workspace', assessmentId, kpiId };
      }
    }
  }
  return { name: 'notFound', hash };
}

export function navigate(route: RouteTarget): void {
  const target = hrefFor(route);
  if (window.location.hash === target) return;
  window.location.hash = target;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentHash(): string {
  return window.location.hash;
}

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash, currentHash);
  return useMemo(() => parseHash(hash), [hash]);
}
