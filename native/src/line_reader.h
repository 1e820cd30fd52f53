// A conservative NDJSON line reader: one line → the store's physical row, exactly as
// documentToRow (lib/store/documents.ts) would produce it, or Untakeable when the reader cannot be
// sure of that answer (the caller then takes the JS path, which also owns every rejection message).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace linereader {

// How a mapping type coerces (coerce.ts); None = no physical column, store() skips it.
enum class Kind : uint8_t { Keyword, Text, Long, Integer, Short, Byte, UnsignedLong, Double, Boolean, Ip, Date, None };

// The precision a Kind::Double field stores its values at (lib/store/float-precision.ts).
enum class Precision : uint8_t { Double, Float, HalfFloat, Scaled };

struct Field {
  std::string name;
  std::string type;
  Kind kind = Kind::None;
  Precision precision = Precision::Double;
  double scalingFactor = 0;  // Precision::Scaled only
  bool lowercase = false;  // normalizer: lowercase (other normalizers do nothing in the JS path)
  // lowercase beyond ASCII through lowercase_table.h: only when the JS side's Unicode version is the table's
  bool unicodeLowercase = false;
  int parent = -1;         // multi-field: index of the field whose values it indexes
  std::vector<int> children;
};

// One full dotted path the reader recognises: a leaf field or an object path.
constexpr int kTemplatePath = -4;  // PathEntry::field of a path only the template maps

struct PathEntry {
  uint64_t hash = 0;
  int field = -1;   // -1: an object path; kTemplatePath
  int parent = -1;  // entry of the path before its last '.', -1 at the top level
  std::string path;
};

// FlatMapping (mapping.ts) as the reader needs it; immutable once built, shareable across threads.
struct Spec {
  bool dynamic = true;
  std::vector<Field> fields;
  std::vector<PathEntry> entries;
  struct Slot {
    uint64_t hash;
    int32_t entry;  // -1 = empty
  };
  std::vector<Slot> table;  // open addressing over entries
  uint64_t mask = 0;
  int shift = 60;
  // Fibonacci hashing: the high bits of a multiply, well spread even when h's low bits are not
  uint64_t slot(uint64_t h) const { return ((h ^ (h >> 29)) * 0x9E3779B97F4A7C15ull) >> shift; }
};

// Builds a Spec from `{"dynamic":bool,"objects":[…],"fields":[{"name","type","parent"?,"normalizer"?,"scalingFactor"?}],
// "template"?: {"objects":[…],"fields":[…]}}`: FlatMapping serialised, and DocumentSchema.template if any.
bool parseSpec(std::string_view json, Spec& out, std::string& error);

enum class ValueKind : uint8_t { Str, Int, Dbl, Bool };

struct Value {
  ValueKind kind = ValueKind::Int;
  bool b = false;
  bool inText = false;  // string bytes live in Row::text at `off` (else at `ptr`, inside the input line)
  int64_t i = 0;
  double d = 0;
  const char* ptr = nullptr;
  uint32_t off = 0, len = 0;
};

// A present column: the field's own (one value) or its `#mv` list (two or more). Absent = null.
struct Column {
  int field;
  bool multi;
  uint32_t first, count;  // slice of Row::values
};

// A scalar as the line spelled it, before coercion.
struct RawValue {
  enum Type : uint8_t { Str, Num, True, False } type;
  bool inArena;  // decoded string in Row::text (had escapes)
  bool ascii;
  const char* ptr;
  uint32_t off, len;
};

// The reader's output and its reusable scratch space (one per thread). Values may point into the
// input line: keep the line alive while reading the row.
struct Row {
  std::vector<Column> columns;
  std::vector<Value> values;
  std::string text;
  std::string_view str(const Value& v) const {
    return v.inText ? std::string_view(text.data() + v.off, v.len) : std::string_view(v.ptr, v.len);
  }

  // scratch
  struct Touched {
    int field;
    uint32_t first, count;
  };
  std::vector<RawValue> raws;
  std::vector<Touched> touched;
  // Where a path was last seen on this line: a path may recur only in successive elements of one
  // array of objects (JSON.parse would keep only the last of duplicate keys).
  struct Stamp {
    uint32_t line, array, element;
  };
  std::vector<Stamp> stamps;
  // key order seen on earlier lines: the entry after each entry, the first entry in each object
  std::vector<int32_t> nextKey, firstKey;
  uint32_t line = 0;
  uint32_t arrays = 0;     // arrays of objects met on this line (their ids)
  bool scattered = false;  // some field's values come from several array elements
  std::vector<RawValue> rawsTmp;
  std::vector<Touched> touchedTmp;
  static constexpr size_t kMaxPath = 1024;
  char path[kMaxPath + 16];  // the current key's full dotted path, zero-padded for word reads
  std::string keyTmp;        // a key with escapes, decoded
  std::string lowerTmp;      // a value being lower-cased
  std::vector<uint32_t> order;
  std::vector<Value> sortTmp;
};

enum class ResultKind : uint8_t { Blank, Row, Untakeable };

struct Result {
  ResultKind kind;
  const char* reason;  // static text, for Untakeable
};

Result readLine(const Spec& spec, const char* data, size_t len, Row& out);

}  // namespace linereader
