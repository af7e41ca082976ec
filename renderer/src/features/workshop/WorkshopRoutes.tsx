/** The workshop feature's screens, loaded as one chunk (the packages pull in the bundle code). */
import type { Route } from '../../app/routes.ts';
import { BoardScreen } from './BoardScreen.tsx';
import { NewWorkshopScreen } from './NewWorkshopScreen.tsx';
import { ReentryScreen } from './ReentryScreen.tsx';
import { WorksheetScreen } from './WorksheetScreen.tsx';
import { WorkshopScreen } from './WorkshopScreen.tsx';

export type WorkshopRoute = Extract<Route, { readonly name: 'newWorkshop' | 'workshop' | 'board' | 'worksheet' | 'reentry' }>;

export function WorkshopRoutes({ route }: { readonly route: WorkshopRoute }) {
  switch (route.name) {
    case 'newWorkshop':
      return <NewWorkshopScreen />;
    case 'workshop':
      return <WorkshopScreen assessmentId={route.assessmentId} />;
    case 'board':
      return <BoardScreen assessmentId={route.assessmentId} />;
    case 'worksheet':
      return <WorksheetScreen assessmentId={route.assessmentId} sheetKey={route.sheet} />;
    case 'reentry':
      return <ReentryScreen assessmentId={route.assessmentId} sheetKey={route.sheet} />;
  }
}
