#include "store.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "coerce.h"

namespace linereader {

namespace {

enum class Coerced : uint8_t { Ok, Null, Unsure };

constexpr double kMaxSafe = 9007199254740991.0;  // 2^53 − 1: beyond it JS numbers are not integers we can mirror

std::string_view rawText(const Row& row, const RawValue& v) {
  return v.inArena ? std::string_view(row.text.data() + v.off, v.len) : std::string_view(v.ptr, v.len);
}

// Values are filled in place (no temporaries): see storeField.
void setString(Value& out, const char* ptr, uint32_t len) {
  out.kind = ValueKind::Str;
  out.inText = false;
  out.ptr = ptr;
  out.len = len;
}

void setText(Value& out, uint32_t off, uint32_t len) {
  out.kind = ValueKind::Str;
  out.inText = true;
  out.off = off;
  out.len = len;
}

// coerceString (+ the lowercase normalizer).
Coerced toKeyword(Row& row, const RawValue& v, bool lowercase, bool unicodeLowercase, Value& out) {
  switch (v.type) {
    case RawValue::Str: {
      v.inArena ? setText(out, v.off, v.len) : setString(out, v.ptr, v.len);
      if (!lowercase) return Coerced::Ok;
      std::string_view s = rawText(row, v);
      bool upper = !v.ascii;
      for (char c : s) upper |= (c >= 'A' && c <= 'Z');
      if (!upper) return Coerced::Ok;
      if (!v.ascii && !unicodeLowercase) return Coerced::Unsure;
      // lowered into scratch first: `s` may live in row.text, which appending would move
      row.lowerTmp.clear();
      if (!appendLowercase(s, row.lowerTmp)) return Coerced::Unsure;
      uint32_t off = static_cast<uint32_t>(row.text.size());
      row.text += row.lowerTmp;
      setText(out, off, static_cast<uint32_t>(row.lowerTmp.size()));
      return Coerced::Ok;
    }
    case RawValue::True:
    case RawValue::False: {
      static const char T[] = "true", F[] = "false";
      v.type == RawValue::True ? setString(out, T, 4) : setString(out, F, 5);
      return Coerced::Ok;
    }
    case RawValue::Num: {
      double d;
      if (!numberValue(rawText(row, v), d)) return Coerced::Unsure;
      uint32_t off = static_cast<uint32_t>(row.text.size());
      appendJsNumber(d, row.text);
      setText(out, off, static_cast<uint32_t>(row.text.size() - off));
      return Coerced::Ok;
    }
  }
  return Coerced::Unsure;
}

// toNumber: numbers as they are, "" = no value, plain numeric strings as Number() reads them.
Coerced toNumber(const Row& row, const RawValue& v, double& d) {
  if (v.type == RawValue::Num) return numberValue(rawText(row, v), d) ? Coerced::Ok : Coerced::Unsure;
  if (v.type != RawValue::Str) return Coerced::Unsure;
  std::string_view s = rawText(row, v);
  if (s.empty()) return Coerced::Null;
  if (!isPlainNumericString(s)) return Coerced::Unsure;
  return numberValue(s, d) ? Coerced::Ok : Coerced::Unsure;
}

Coerced toWhole(const Row& row, const RawValue& v, double min, double max, Value& out) {
  double d;
  Coerced c = toNumber(row, v, d);
  if (c != Coerced::Ok) return c;
  if (d < min || d > max) return Coerced::Unsure;  // the JS path rejects: out of range
  double t = std::trunc(d);
  if (std::fabs(t) > kMaxSafe) return Coerced::Unsure;
  out.kind = ValueKind::Int;
  out.i = static_cast<int64_t>(t);  // Math.trunc(n) || 0: -0 becomes 0, as here
  return Coerced::Ok;
}

// Java's Math.round(double): ties towards +inf, saturating at the long range (as a double).
double javaRound(double x) {
  constexpr double kTwo63 = 9223372036854775808.0;
  if (x >= kTwo63) return kTwo63;
  if (x <= -kTwo63) return -kTwo63;
  double f = std::floor(x);
  return x - f >= 0.5 ? f + 1 : f;  // x - f is exact for |x| < 2^52, and 0 beyond
}

// A float32 value to the nearest binary16 value, ties to even (float-precision.ts roundToHalf).
double roundToHalf(double x) {
  double a = std::fabs(x);
  if (a == 0 || !std::isfinite(a)) return x;
  if (a >= 65520) return x > 0 ? HUGE_VAL : -HUGE_VAL;
  int e;
  std::frexp(a, &e);  // a = m * 2^e, 0.5 <= m < 1: the exponent is e - 1
  double quantum = std::ldexp(1.0, std::max(e - 1, -14) - 10);
  double scaled = a / quantum;
  double fl = std::floor(scaled);
  double diff = scaled - fl;
  double n = diff > 0.5 || (diff == 0.5 && std::fmod(fl, 2.0) == 1.0) ? fl + 1 : fl;
  double r = n * quantum;
  return x < 0 ? -r : r;
}

// coerceFloat and coerceNarrowFloat; a value the type cannot hold is the JS path's rejection.
Coerced toDouble(const Row& row, const Field& f, const RawValue& v, Value& out) {
  double d;
  Coerced c = toNumber(row, v, d);
  if (c != Coerced::Ok) return c;
  // beyond float's range the cast is undefined in C++: the JS path refuses these (Infinity)
  if (f.precision == Precision::Float || f.precision == Precision::HalfFloat) {
    if (std::fabs(d) >= 3.4028235677973366e38) return Coerced::Unsure;
  }
  switch (f.precision) {
    case Precision::Double: break;
    case Precision::Float: d = static_cast<double>(static_cast<float>(d)); break;
    case Precision::HalfFloat: d = roundToHalf(static_cast<double>(static_cast<float>(d))); break;
    case Precision::Scaled: d = javaRound(d * f.scalingFactor) / f.scalingFactor; break;
  }
  if (!std::isfinite(d)) return Coerced::Unsure;
  out.kind = ValueKind::Dbl;
  out.d = d == 0 ? 0.0 : d;  // -0 is stored as 0, as coerceFloat does
  return Coerced::Ok;
}

Coerced toBoolean(const Row& row, const RawValue& v, Value& out) {
  out.kind = ValueKind::Bool;
  if (v.type == RawValue::True || v.type == RawValue::False) {
    out.b = v.type == RawValue::True;
    return Coerced::Ok;
  }
  if (v.type != RawValue::Str) return Coerced::Unsure;
  std::string_view s = rawText(row, v);
  if (s.empty()) return Coerced::Null;
  if (s == "true" || s == "false") {
    out.b = s == "true";
    return Coerced::Ok;
  }
  return Coerced::Unsure;
}

Coerced toIp(Row& row, const RawValue& v, Value& out) {
  if (v.type != RawValue::Str || !v.ascii) return Coerced::Unsure;  // numbers are never IPs: the JS path rejects
  char hex[32];
  if (!parseIpHex(rawText(row, v), hex)) return Coerced::Unsure;
  uint32_t off = static_cast<uint32_t>(row.text.size());
  row.text.append(hex, 32);
  setText(out, off, 32);
  return Coerced::Ok;
}

Coerced toDate(const Row& row, const RawValue& v, Value& out) {
  out.kind = ValueKind::Int;
  if (v.type == RawValue::Str) {
    if (!v.ascii) return Coerced::Unsure;
    return parseDateString(rawText(row, v), out.i) == DateStatus::Ok ? Coerced::Ok : Coerced::Unsure;
  }
  if (v.type != RawValue::Num) return Coerced::Unsure;
  double d;
  if (!numberValue(rawText(row, v), d)) return Coerced::Unsure;
  return dateFromNumber(d, out.i) == DateStatus::Ok ? Coerced::Ok : Coerced::Unsure;
}

Coerced coerce(Row& row, const Field& f, const RawValue& v, Value& out) {
  switch (f.kind) {
    case Kind::Keyword: return toKeyword(row, v, f.lowercase, f.unicodeLowercase, out);
    case Kind::Text: return toKeyword(row, v, false, false, out);
    case Kind::Long: return toWhole(row, v, -9223372036854775808.0, 9223372036854775807.0, out);
    case Kind::Integer: return toWhole(row, v, -2147483648.0, 2147483647.0, out);
    case Kind::Short: return toWhole(row, v, -32768.0, 32767.0, out);
    case Kind::Byte: return toWhole(row, v, -128.0, 127.0, out);
    case Kind::Double: return toDouble(row, f, v, out);
    case Kind::Boolean: return toBoolean(row, v, out);
    case Kind::Ip: return toIp(row, v, out);
    case Kind::Date: return toDate(row, v, out);
    default: return Coerced::Unsure;
  }
}

enum class Order : uint8_t { SortedUnique, Sorted, Document };

Order orderOf(Kind k) {
  switch (k) {
    case Kind::Keyword:
    case Kind::Ip: return Order::SortedUnique;
    case Kind::Text: return Order::Document;
    default: return Order::Sorted;
  }
}

// Stable insertion sort: value lists are short, and std::stable_sort would allocate.
template <typename Less>
void insertionSort(Value* b, Value* e, Less less) {
  for (Value* i = b + 1; i < e; i++) {
    Value x = *i;
    Value* j = i;
    while (j > b && less(x, *(j - 1))) {
      *j = *(j - 1);
      j--;
    }
    *j = x;
  }
}

// orderValues: stable sort (JS sort is stable), numbers by value, strings in UTF-8 byte order —
// compareUtf8 in coerce.ts is code point order, which is byte order of well-formed UTF-8.
void order(Row& row, uint32_t first, uint32_t& count, Order how) {
  if (how == Order::Document || count < 2) return;
  Value* b = row.values.data() + first;
  Value* e = b + count;
  if (b->kind == ValueKind::Str) {
    insertionSort(b, e, [&](const Value& x, const Value& y) { return row.str(x) < row.str(y); });
  } else if (b->kind == ValueKind::Dbl) {
    insertionSort(b, e, [](const Value& x, const Value& y) { return x.d < y.d; });
  } else if (b->kind == ValueKind::Bool) {
    insertionSort(b, e, [](const Value& x, const Value& y) { return x.b < y.b; });
  } else {
    insertionSort(b, e, [](const Value& x, const Value& y) { return x.i < y.i; });
  }
  if (how != Order::SortedUnique) return;
  uint32_t kept = 1;
  for (uint32_t i = 1; i < count; i++)
    if (row.str(b[i]) != row.str(b[kept - 1])) b[kept++] = b[i];
  count = kept;
}

const char* storeField(Row& row, const Field& f, int field, uint32_t first, uint32_t count) {
  if (f.kind == Kind::None) return nullptr;  // no physical column: store() skips it
  if (f.kind == Kind::UnsignedLong) return "unsigned_long";
  uint32_t start = static_cast<uint32_t>(row.values.size());
  for (uint32_t i = 0; i < count; i++) {
    // coerced in place: building a Value on the stack and copying it stalls store forwarding
    Value& v = row.values.emplace_back();
    Coerced c = coerce(row, f, row.raws[first + i], v);
    if (c == Coerced::Unsure) return "value not coerced exactly";
    if (c == Coerced::Null) row.values.pop_back();
  }
  uint32_t n = static_cast<uint32_t>(row.values.size()) - start;
  order(row, start, n, orderOf(f.kind));
  row.values.resize(start + n);
  if (n >= 1) {
    Column& c = row.columns.emplace_back();
    c.field = field;
    c.multi = n > 1;
    c.first = start;
    c.count = n;
  }
  return nullptr;
}

// A field's values from several elements of an array of objects: gathered into one run per field,
// in document order (the order collectValue appends them in).
void gather(Row& row) {
  std::stable_sort(row.touched.begin(), row.touched.end(),
                   [](const Row::Touched& a, const Row::Touched& b) { return a.field < b.field; });
  row.rawsTmp.clear();
  row.touchedTmp.clear();
  for (size_t i = 0; i < row.touched.size();) {
    uint32_t first = static_cast<uint32_t>(row.rawsTmp.size());
    int field = row.touched[i].field;
    for (; i < row.touched.size() && row.touched[i].field == field; i++) {
      const Row::Touched& t = row.touched[i];
      row.rawsTmp.insert(row.rawsTmp.end(), row.raws.begin() + t.first, row.raws.begin() + t.first + t.count);
    }
    row.touchedTmp.push_back(Row::Touched{field, first, static_cast<uint32_t>(row.rawsTmp.size()) - first});
  }
  row.raws.swap(row.rawsTmp);
  row.touched.swap(row.touchedTmp);
}

}  // namespace

const char* storeRow(const Spec& spec, Row& row) {
  if (row.scattered) gather(row);
  for (const Row::Touched& t : row.touched) {
    const Field& f = spec.fields[t.field];
    if (const char* why = storeField(row, f, t.field, t.first, t.count)) return why;
    for (int child : f.children)
      if (const char* why = storeField(row, spec.fields[child], child, t.first, t.count)) return why;
  }
  return nullptr;
}

}  // namespace linereader
