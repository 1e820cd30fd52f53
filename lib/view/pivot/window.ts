/**
 * The window a pivot opens Explore with: the one the page actually ran. A preset stays that preset
 * (so "last 7 days" keeps following now); any other bounded window becomes its absolute range;
 * no bounds at all means the query as written (all data).
 */
import type { WindowInfo } from '../../model/api';
import type { WindowChoice } from '../url/hunt-url';

const PRESETS = new Set(['24h', '7d', '14d', '30d']);

export function windowChoiceOf(info: WindowInfo | undefined): WindowChoice {
  if (!info) return { id: 'hunt' };
  if (PRESETS.has(info.id)) return { id: info.id as '24h' | '7d' | '14d' | '30d' };
  if (info.from && info.to) return { id: 'custom', from: info.from, to: info.to };
  return { id: 'hunt' };
}
