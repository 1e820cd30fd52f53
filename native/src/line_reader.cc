// One pass over a line: JSON syntax checked strictly (what JSON.parse accepts), keys turned into
// full dotted paths and looked up by hash, scalars collected per mapped leaf as collectValue
// (documents.ts) does. store.cc then coerces and orders them.
#include "line_reader.h"

#include <cstring>

#include "json_scan.h"
#include "json_text.h"
#include "path_hash.h"
#include "store.h"

namespace linereader {

namespace {

constexpr int kMaxDepth = 64;

struct Parser {
  const Spec& spec;
  Row& row;
  const char* p;
  const char* e;
  const char* fail = nullptr;
  uint32_t arrayId = 0;  // the innermost array of objects being read (0: none)
  uint32_t element = 0;  // which of its elements

  bool untake(const char* why) {
    if (!fail) fail = why;
    return false;
  }
  void ws() {
    while (p < e && isWs(*p)) p++;
  }

  bool string(std::string& dest, const char*& start, uint32_t& len, bool& decoded, bool& ascii) {
    const char* why = scanString(p, e, dest, start, len, decoded, ascii);
    return why ? untake(why) : true;
  }

  bool number(RawValue& v) {
    const char* end = scanNumber(p, e);
    if (!end) return untake("bad number");
    v.type = RawValue::Num;
    v.ptr = p;
    v.len = static_cast<uint32_t>(end - p);
    p = end;
    return true;
  }

  bool literal(const char* word, size_t n) {
    if (static_cast<size_t>(e - p) < n || std::memcmp(p, word, n) != 0) return untake("bad literal");
    p += n;
    return true;
  }

  // A scalar (not null) into row.raws.
  bool scalar(RawValue& v) {
    v.inArena = false;
    v.ascii = true;
    switch (*p) {
      case '"': {
        p++;
        const char* start;
        bool decoded;
        size_t at = row.text.size();
        if (!string(row.text, start, v.len, decoded, v.ascii)) return false;
        v.type = RawValue::Str;
        v.inArena = decoded;
        v.ptr = start;
        v.off = static_cast<uint32_t>(at);
        return true;
      }
      case 't': v.type = RawValue::True; return literal("true", 4);
      case 'f': v.type = RawValue::False; return literal("false", 5);
      default: return number(v);
    }
  }

  // Whether entry `at` is the path of a non-dotted `key` inside the object at `parentEntry`.
  bool isChild(int at, int parentEntry, const char* key, size_t len) const {
    const PathEntry& pe = spec.entries[at];
    size_t n = pe.path.size();
    return pe.parent == parentEntry && n >= len && (n == len || pe.path[n - len - 1] == '.') &&
           std::memcmp(pe.path.data() + n - len, key, len) == 0;
  }

  // The entry of the key's path, or -2 when the spec does not know it.
  int find(int parentEntry, size_t prefixLen, const char* key, size_t len, bool dotted, uint64_t h) const {
    if (parentEntry == -2) return -2;  // every prefix of a known path is known
    for (uint64_t slot = spec.slot(h);; slot = (slot + 1) & spec.mask) {
      const Spec::Slot& sl = spec.table[slot];
      if (sl.entry < 0) return -2;
      if (sl.hash != h) continue;
      if (!dotted) {
        if (isChild(sl.entry, parentEntry, key, len)) return sl.entry;
        continue;
      }
      // a dotted key spans several segments: compare the whole path
      const std::string& path = spec.entries[sl.entry].path;
      if (path.size() == prefixLen + len && std::memcmp(path.data(), row.path, prefixLen) == 0 &&
          std::memcmp(path.data() + prefixLen, key, len) == 0)
        return sl.entry;
    }
  }

  // What a sighting of entry `at` means: its field (≥0), an object path (-1), a template path, or
  // untakeable (-3). A second sighting of a path is a duplicate key (JSON.parse keeps the last) or
  // two routes to one path, unless it comes from a later element of the same array of objects.
  int claim(int at) {
    Row::Stamp& st = row.stamps[at];
    if (st.line != row.line) {
      st = Row::Stamp{row.line, arrayId, element};
    } else if (arrayId != 0 && st.array == arrayId && st.element < element) {
      st.element = element;
      row.scattered = true;
    } else {
      return untake("path seen twice"), -3;
    }
    return spec.entries[at].field;
  }

  // collectValue for a scalar at a path (arrays unrolled, nulls skipped): 1 keep, 0 ignore, -1 untakeable.
  int disposition(int target) {
    if (target >= 0) {
      if (spec.fields[target].parent >= 0) return spec.dynamic ? (untake("value for a multi-field"), -1) : 0;
      return 1;
    }
    if (target == -1) return untake("concrete value at an object path"), -1;
    if (target == kTemplatePath) return untake("the template would map it"), -1;
    return spec.dynamic ? (untake("unmapped field in a dynamic mapping"), -1) : 0;
  }

  // A scalar onto row.raws (built in place: a copied struct of byte fields stalls store forwarding).
  bool collect(int target) {
    int keep = disposition(target);
    if (keep < 0) return false;
    RawValue& v = row.raws.emplace_back();
    if (!scalar(v)) return false;
    if (!keep) row.raws.pop_back();
    return true;
  }

  void touch(int target, uint32_t first) {
    // raws past `first` belong to `target` only when it is a leaf (else they came from objects inside)
    uint32_t n = static_cast<uint32_t>(row.raws.size()) - first;
    if (!n || target < 0) return;
    Row::Touched& t = row.touched.emplace_back();
    t.field = target;
    t.first = first;
    t.count = n;
  }

  // An array's values in document order: scalars onto row.raws, nested arrays flattened into it and
  // objects read as the path's object value, as collectValue's recursion does.
  bool array(size_t prefixLen, const char* key, size_t len, uint64_t h, int target, int entry, int depth) {
    if (depth > kMaxDepth) return untake("too deep");
    p++;  // '['
    ws();
    if (p < e && *p == ']') return ++p, true;
    uint32_t id = 0;
    for (uint32_t index = 0;; index++) {
      ws();
      if (p >= e) return untake("truncated");
      if (*p == '{') {
        if (id == 0) id = ++row.arrays;
        uint32_t outerArray = arrayId, outerElement = element;
        arrayId = id;
        element = index;
        bool ok = objectValue(prefixLen, key, len, h, target, entry, depth + 1);
        arrayId = outerArray;
        element = outerElement;
        if (!ok) return false;
      } else if (*p == '[') {
        if (!array(prefixLen, key, len, h, target, entry, depth + 1)) return false;
      } else if (*p == 'n') {
        if (!literal("null", 4)) return false;
      } else if (!collect(target)) {
        return false;
      }
      ws();
      if (p < e && *p == ',') {
        p++;
        continue;
      }
      if (p < e && *p == ']') return ++p, true;
      return untake("bad array");
    }
  }

  bool objectValue(size_t prefixLen, const char* key, size_t len, uint64_t h, int target, int entry, int depth) {
    if (target >= 0) return untake("object at a leaf");
    // A mapping that grows (dynamic, or from a template) may have made this path a leaf by the time
    // the JS path reads the lines before this one in the batch; an object there is then refused.
    if (target == kTemplatePath || (entry == -2 && spec.dynamic)) return untake("object at a path the mapping may add");
    // the object's keys continue this path: spell it out for their lookups
    if (key != row.path + prefixLen) std::memcpy(row.path + prefixLen, key, len);
    row.path[prefixLen + len] = '.';
    return object(prefixLen + len + 1, h, entry, depth + 1);
  }

  bool value(size_t prefixLen, const char* key, size_t len, uint64_t h, int target, int entry, int depth) {
    if (p >= e) return untake("truncated");
    char c = *p;
    if (c == 'n') return literal("null", 4);
    if (c == '{') return objectValue(prefixLen, key, len, h, target, entry, depth);
    if (c == '[') {
      uint32_t first = static_cast<uint32_t>(row.raws.size());
      if (!array(prefixLen, key, len, h, target, entry, depth)) return false;
      touch(target, first);
      return true;
    }
    uint32_t first = static_cast<uint32_t>(row.raws.size());
    if (!collect(target)) return false;
    touch(target, first);
    return true;
  }

  // An object after '{'-check; `prefixLen` bytes of row.path are its path plus '.' (0 at the top).
  bool object(size_t prefixLen, uint64_t prefixHash, int parentEntry, int depth) {
    if (depth > kMaxDepth) return untake("too deep");
    p++;  // '{'
    ws();
    if (p < e && *p == '}') return ++p, true;
    int prev = -1;  // the entry of the previous known key in this object
    for (;;) {
      ws();
      if (p >= e || *p != '"') return untake("expected a key");
      p++;
      const char* start;
      uint32_t len;
      bool decoded, ascii;
      row.keyTmp.clear();
      if (!string(row.keyTmp, start, len, decoded, ascii)) return false;
      if (prefixLen + len + 1 > Row::kMaxPath) return untake("path too long");
      bool padded = true;  // 8 readable bytes after the key, for segmentHashPadded
      if (decoded) {
        row.keyTmp.append(8, '\0');
        start = row.keyTmp.data();
      } else {
        padded = e - (start + len) >= 8;
      }
      const char* key = start;
      if (len == 0 || key[0] == '.' || key[len - 1] == '.') return untake("empty field name");
      bool dotted = false;
      for (uint32_t i = 0; i < len; i++) dotted |= key[i] == '.';
      if (dotted) {
        for (uint32_t i = 1; i < len; i++)
          if (key[i] == '.' && key[i - 1] == '.') return untake("empty field name");
      }
      // Lines of one source repeat their key order: try the key that followed last time first
      // (no hash, no table probe); the check is exact, the guess only saves time.
      int entry = -2;
      uint64_t h = 0;
      if (!dotted && parentEntry != -2) {
        int guess = prev >= 0 ? row.nextKey[prev] : row.firstKey[parentEntry + 1];
        if (guess >= 0 && isChild(guess, parentEntry, key, len)) {
          entry = guess;
          h = spec.entries[guess].hash;
        }
      }
      if (entry < 0) {
        h = dotted ? pathHash(prefixHash, key, len)
                   : padded ? segmentHashPadded(prefixHash, key, len) : segmentHash(prefixHash, key, len);
        entry = find(parentEntry, prefixLen, key, len, dotted, h);
      }
      int target = -2;
      if (entry >= 0) {
        target = claim(entry);
        if (target == -3) return false;
        if (parentEntry != -2) (prev >= 0 ? row.nextKey[prev] : row.firstKey[parentEntry + 1]) = entry;
        prev = entry;
      }
      if (decoded) {
        // keyTmp is reused by the keys inside the value: keep this key where the path spells it
        std::memcpy(row.path + prefixLen, key, len);
        key = row.path + prefixLen;
      }
      ws();
      if (p >= e || *p != ':') return untake("expected ':'");
      p++;
      ws();
      if (!value(prefixLen, key, len, h, target, entry, depth)) return false;
      ws();
      if (p < e && *p == ',') {
        p++;
        continue;
      }
      if (p < e && *p == '}') return ++p, true;
      return untake("bad object");
    }
  }
};

}  // namespace

Result readLine(const Spec& spec, const char* data, size_t len, Row& out) {
  const char* p = data;
  const char* e = data + len;
  // linesToItems skips lines whose JS trim() is empty; these bytes are all JS whitespace
  while (p < e && (isWs(*p) || *p == '\v' || *p == '\f')) p++;
  if (p == e) return {ResultKind::Blank, nullptr};
  if (len > (1u << 30)) return {ResultKind::Untakeable, "line too long"};  // offsets are 32-bit
  out.columns.clear();
  out.values.clear();
  out.text.clear();
  out.raws.clear();
  out.touched.clear();
  if (out.firstKey.size() != spec.entries.size() + 1 || ++out.line == 0) {
    out.stamps.assign(spec.entries.size(), Row::Stamp{0, 0, 0});
    out.nextKey.assign(spec.entries.size(), -1);
    out.firstKey.assign(spec.entries.size() + 1, -1);
    out.line = 1;
  }
  out.arrays = 0;
  out.scattered = false;
  Parser parser{spec, out, data, e};
  parser.ws();
  if (parser.p >= e || *parser.p != '{') return {ResultKind::Untakeable, "not an object"};
  if (!parser.object(0, kHashSeed, -1, 0)) return {ResultKind::Untakeable, parser.fail ? parser.fail : "?"};
  parser.ws();
  if (parser.p != e) return {ResultKind::Untakeable, "text after the object"};
  const char* why = storeRow(spec, out);
  if (why) return {ResultKind::Untakeable, why};
  return {ResultKind::Row, nullptr};
}

}  // namespace linereader
