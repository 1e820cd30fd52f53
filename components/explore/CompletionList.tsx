'use client';
/**
 * The editor's suggestions as an ARIA listbox: the editor keeps the focus and points at the
 * active option with aria-activedescendant; a click picks an option without taking the focus.
 * A window of options around the active one is shown rather than a scrolling box (which the
 * keyboard could not reach: the keys stay in the editor); each option says its place in the list.
 */
import type { CompletionItem } from '@/lib/view/explore/completion';
import { InertText } from '@/components/CellValue';

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

export const VISIBLE_OPTIONS = 12;

/** The first option shown: the active one stays in view, centred once the list has moved. */
export function firstShown(active: number, count: number): number {
  return Math.max(0, Math.min(active - Math.floor(VISIBLE_OPTIONS / 2), count - VISIBLE_OPTIONS));
}

export function CompletionList({ id, items, active, onPick }: { id: string; items: CompletionItem[]; active: number; onPick: (item: CompletionItem) => void }) {
  const from = firstShown(active, items.length);
  const shown = items.slice(from, from + VISIBLE_OPTIONS);
  const after = items.length - from - shown.length;
  return (
    <div className="esql-completions" onMouseDown={(e) => e.preventDefault()}>
      {from > 0 && <p className="esql-completions-more" aria-hidden="true">↑ {from} more</p>}
      <ul id={id} role="listbox" aria-label="Suggestions">
        {shown.map((item, k) => {
          const i = from + k;
          return (
            <li
              key={`${item.kind}:${item.label}`}
              id={optionId(id, i)}
              role="option"
              aria-selected={i === active}
              aria-setsize={items.length}
              aria-posinset={i + 1}
              className={`esql-completion esql-completion-${item.kind}`}
              onClick={() => onPick(item)}
            >
              <span className="esql-completion-kind" aria-hidden="true">
                {item.kind.slice(0, 1).toUpperCase()}
              </span>
              <span className="esql-completion-label">
                <InertText text={item.label} />
              </span>
              {item.detail && (
                <span className="esql-completion-detail">
                  <InertText text={item.detail} />
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {after > 0 && <p className="esql-completions-more" aria-hidden="true">↓ {after} more: keep typing to narrow</p>}
    </div>
  );
}
