/**
 * The weekly schedule inside the server: checks every minute (and at start, so a slot missed
 * while the server was down runs now) whether the latest slot has a scheduled run, and if not
 * runs every ES|QL query of every hunt and saves the runs. One pass at a time.
 */
import 'server-only';
import { runAndSave } from '../../hunts/run/record';
import { lastRunAt } from '../../appstate/runs';
import { createBackend } from '../../backends';
import { loadCatalogue } from '../../hunts/catalogue';
import { esqlQueryNumbers } from '../../hunts/run/as-written';
import { isDue, parseSchedule, type WeeklySchedule } from '../../review/schedule';
import { serverAppState } from './app-state';
import { serverNow } from './now';

const CHECK_EVERY_MS = 60_000;
let started = false;
let running = false;

/** Runs every hunt once if the schedule is due; returns how many runs were saved. */
export async function runScheduleIfDue(schedule: WeeklySchedule, now: Date = serverNow()): Promise<number> {
  if (running || !isDue(schedule, now, lastRunAt(serverAppState(), 'schedule'))) return 0;
  running = true;
  try {
    const catalogue = await loadCatalogue();
    const backend = createBackend();
    let saved = 0;
    for (const hunt of catalogue.hunts) {
      for (const number of esqlQueryNumbers(hunt)) {
        const { saved: run } = await runAndSave(serverAppState(), backend, hunt, number, { now, trigger: 'schedule' });
        if (run) saved++;
      }
    }
    console.log(`huntboard: scheduled run of ${catalogue.hunts.length} hunts saved ${saved} runs`);
    return saved;
  } finally {
    running = false;
  }
}

export function startScheduler(env: Record<string, string | undefined> = process.env): void {
  if (started) return;
  const setting = parseSchedule(env.HUNTBOARD_SCHEDULE);
  if (!setting.ok) {
    console.error(`huntboard: ${setting.message}; the weekly schedule is off`);
    return;
  }
  if (!setting.schedule) return;
  started = true;
  const schedule = setting.schedule;
  const check = () => void runScheduleIfDue(schedule).catch((e: unknown) => console.error('huntboard: the scheduled run failed:', (e as Error).message));
  check();
  setInterval(check, CHECK_EVERY_MS).unref();
}
