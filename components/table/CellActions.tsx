'use client';
/**
 * A cell's actions: a small button shown on hover or focus of the cell, opening a menu with filter
 * for / filter out (where the table filters), copy (the raw value) and the field's pivots into
 * Explore. Values in labels are escaped text (lib/view/pivot/cell-menu); pivots are plain links.
 */
import { useMemo, useState, type MouseEvent } from 'react';
import { createPortal } from 'react-dom';
import type { EsqlScalar, EsqlValue } from '@/lib/model/esql';
import { cellMenu } from '@/lib/view/pivot/cell-menu';
import type { PivotContext } from '@/lib/view/pivot/pivot';
import { inertText } from '@/lib/view/events/display-text';
import { useCellMenu } from './use-cell-menu';

export interface CellActionsConfig {
  /** Filter for (`negate` false) or out; absent where the table has no filters. */
  onFilter?: (field: string, value: EsqlScalar, negate: boolean) => void;
  /** Where pivots read from; absent: no pivots. */
  pivot?: PivotContext;
}

export interface CellActionsProps {
  field: string;
  type: string;
  value: EsqlValue;
  config: CellActionsConfig;
  /** False takes the button out of the Tab order (a virtualized table's rows other than the focused one). */
  tabbable?: boolean;
}

type Copied = 'idle' | 'copied' | 'failed';

/** The clipboard, or a hidden textarea and execCommand where the API is missing (plain http). */
async function writeClipboard(text: string): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Denied: the fallback below may still work.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

const stop = (e: MouseEvent) => e.stopPropagation();

export function CellActions({ field, type, value, config, tabbable = true }: CellActionsProps) {
  const { place, trigger, menu, open, close, onMenuKeyDown, onTriggerKeyDown } = useCellMenu();
  const [copied, setCopied] = useState<Copied>('idle');
  const { onFilter, pivot } = config;
  const items = useMemo(() => (place ? cellMenu(field, type, value, { filters: onFilter !== undefined, ...(pivot ? { pivot } : {}) }) : []), [place, field, type, value, onFilter, pivot]);
  const name = inertText(field);

  const copy = async (text: string) => {
    close(true);
    const ok = await writeClipboard(text);
    setCopied(ok ? 'copied' : 'failed');
    setTimeout(() => setCopied('idle'), 2000);
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="cell-actions-trigger"
        aria-haspopup="menu"
        aria-expanded={place !== null}
        aria-label={`Actions for ${name}`}
        title={`Filter, copy or pivot on this ${name} value`}
        tabIndex={tabbable ? undefined : -1}
        onClick={(e) => {
          e.stopPropagation();
          if (place) close(false);
          else open();
        }}
        onKeyDown={onTriggerKeyDown}
      />
      {copied !== 'idle' && (
        <span role="status" className="cell-actions-copied">
          {copied === 'copied' ? 'Copied' : 'Could not copy'}
        </span>
      )}
      {place &&
        createPortal(
          <div ref={menu} role="menu" aria-label={`Actions for ${name}`} className="cell-actions-menu" style={place} onKeyDown={onMenuKeyDown} onClick={stop}>
            {items.length === 0 && <p className="muted cell-actions-empty">No actions for an empty value.</p>}
            {items.map((item, i) => {
              if (item.kind === 'pivot') {
                return (
                  <a key={i} role="menuitem" tabIndex={-1} href={item.href} className="cell-actions-item cell-actions-pivot">
                    <span aria-hidden="true">↗ </span>
                    {item.label}
                  </a>
                );
              }
              const act = () => {
                if (item.kind === 'copy') void copy(item.text);
                else {
                  close(true);
                  onFilter?.(field, item.value, item.negate);
                }
              };
              return (
                <button key={i} role="menuitem" tabIndex={-1} type="button" className="cell-actions-item" onClick={act}>
                  {item.label}
                </button>
              );
            })}
          </div>,
          document.body,
        )}
    </>
  );
}
