/** Workshop mode: participants, assignments, review and verification as revisions, and the rule every writer applies. */
export * from './fields.ts';
export * from './state.ts';
export * from './assignment.ts';
export { workshopFieldProblem } from './field-rules.ts';
export * from './rules.ts';
export * from './progress.ts';
export * from './package.ts';
