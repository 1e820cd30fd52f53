/**
 * The app state's schema, as numbered migrations applied in order, each in its own transaction.
 * Never edit a released migration: add the next one, in this folder, named by its version.
 */
import 'server-only';
import { AUTH_MIGRATION } from './v4-accounts';
import { WEEK_MIGRATION } from './v5-week-signoffs';
import { WEEK_SNAPSHOT_MIGRATION } from './v11-week-snapshots';
import { BUNDLE_MIGRATION } from './v6-bundles';
import { BUNDLE_FIRST_SEEN_MIGRATION } from './v13-bundle-first-seen';
import { RUN_FINDINGS_MIGRATION } from './v7-run-findings';
import { STAGED_RUNS_MIGRATION } from './v8-staged-runs';
import { PAGE_VIEWS_MIGRATION } from './v9-page-views';
import { PIN_NOW_MIGRATION } from './v10-pin-now';
import { TRIAGE_GROUP_MIGRATION } from './v12-triage-groups';
import type { Migration } from './migration';
import { RUNS_MIGRATION } from './v1-runs';
import { TRIAGE_MIGRATION } from './v2-triage';
import { ALLOW_LIST_MIGRATION } from './v3-allow-list';

export type { Migration };

export const MIGRATIONS: readonly Migration[] = [
  RUNS_MIGRATION,
  TRIAGE_MIGRATION,
  ALLOW_LIST_MIGRATION,
  AUTH_MIGRATION,
  WEEK_MIGRATION,
  BUNDLE_MIGRATION,
  RUN_FINDINGS_MIGRATION,
  STAGED_RUNS_MIGRATION,
  PAGE_VIEWS_MIGRATION,
  PIN_NOW_MIGRATION,
  WEEK_SNAPSHOT_MIGRATION,
  TRIAGE_GROUP_MIGRATION,
  BUNDLE_FIRST_SEEN_MIGRATION,
];
