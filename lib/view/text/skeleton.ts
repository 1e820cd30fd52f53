/**
 * UTS #39 skeletons: two strings whose skeletons are equal look alike (`сurl` with a Cyrillic
 * es and `curl`). The confusable mapping is Unicode's confusables.txt as the `unhomoglyph`
 * package ships it; normalisation and the removal of default-ignorable characters, which the
 * standard's skeleton also does and the package does not, are done here. Browser-safe.
 */
import unhomoglyph from 'unhomoglyph';

const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** skeleton(X) of UTS #39 §4: NFD, default-ignorables removed, prototypes substituted, NFD again. */
export function skeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD').replace(DEFAULT_IGNORABLE, '')).normalize('NFD');
}

// Filtering calls this once per cell per keystroke over up to 10,000 rows of mostly repeated
// values (process names, hosts): worth remembering, within a bound so a long session stays small.
const MAX_REMEMBERED = 20_000;
const remembered = new Map<string, string>();

/**
 * What a look-alike filter compares: the skeleton of the case-folded text. NFKC first, because
 * fullwidth `ｃｕｒｌ` is in confusables.txt only letter by letter; the skeleton before lower-casing
 * too, so that a capital I standing for an l (`Isass.exe`) still reads as `lsass.exe`.
 */
export function lookalikeKey(text: string): string {
  const known = remembered.get(text);
  if (known !== undefined) return known;
  const key = skeleton(skeleton(text.normalize('NFKC')).toLowerCase());
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(text, key);
  return key;
}
