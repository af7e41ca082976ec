/** The workshop feature's screens, loaded as one chunk (the packages pull in the bundle code). */
import type { Route } from '../../app/routes.ts';
import { BoardScreen } from './BoardScreen.tsx';
import { NewWorkshopScreen } from './NewWorkshopScreen.tsx';
import { ReentryScreen } from './ReentryScreen.tsx';
import { WorksheetScreen } from './WorksheetScreen.tsx';
import { WorkshopScreen } from './WorkshopScreen.tsx';

export function WorkshopRoutes({ route }: { readonly route: Route }) {
  if (route.name === 'newWorkshop') return <NewWorkshopScreen />;
  if (!('assessmentId' in route)) return null;
  if ('sheet' in route) {
    return route.name === 'worksheet' ? (
      <WorksheetScreen assessmentId={route.assessmentId} sheetKey={route.sheet} />
    ) : (
      <ReentryScreen assessmentId={route.assessmentId} sheetKey={route.sheet} />
    );
  }
  if (route.name === 'workshop') return <WorkshopScreen assessmentId={route.assessmentId} />;
  if (route.name === 'board') return <BoardScreen assessmentId={route.assessmentId} />;
  return null;
}
