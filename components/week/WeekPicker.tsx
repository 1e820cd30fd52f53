/**
 * Choosing a week: the previous and next one, and any day to jump to (a plain GET form, so it
 * works before the page's scripts load; the server moves any day to its week's Monday).
 */
import Link from 'next/link';

export function WeekPicker({ week, previousWeek, nextWeek }: { week: string; previousWeek: string; nextWeek: string }) {
  const id = 'week-picker-day';
  return (
    <>
      <Link href={`/week?week=${previousWeek}`}>← Week of {previousWeek}</Link>
      <Link href={`/week?week=${nextWeek}`}>Week of {nextWeek} →</Link>
      <form method="get" action="/week" className="week-picker" aria-label="Choose a week">
        <label htmlFor={id}>Week of</label> <input id={id} type="date" name="week" defaultValue={week} required />{' '}
        <button type="submit" className="button">
          Go
        </button>
      </form>
    </>
  );
}
