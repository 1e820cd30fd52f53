// Number reading and printing as JS does them, and toLowerCase (coerce.ts's helpers).
#include "coerce.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "json_text.h"
#include "lowercase_table.h"

namespace linereader {

namespace {

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool numberValue(std::string_view s, double& out) {
  // strtod needs a terminator; literals are short, longer ones take the (rare) heap copy
  char buf[128];
  std::string heap;
  const char* z;
  size_t e = s.find_first_of("eE");
  if (e != std::string_view::npos) {
    size_t i = e + 1;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) i++;
    if (s.size() - i > 2) return false;  // refuse huge exponents: far from any real value, easy to get wrong
  }
  if (s.size() < sizeof buf) {
    std::memcpy(buf, s.data(), s.size());
    buf[s.size()] = 0;
    z = buf;
  } else {
    heap.assign(s);
    z = heap.c_str();
  }
  char* end = nullptr;
  double d = std::strtod(z, &end);
  if (end != z + s.size() || !std::isfinite(d)) return false;
  out = d;
  return true;
}

bool isPlainNumericString(std::string_view s) {
  size_t i = 0, n = s.size();
  if (i < n && s[i] == '-') i++;
  size_t start = i;
  while (i < n && isDigit(s[i])) i++;
  if (i == start) return false;
  if (i < n && s[i] == '.') {
    size_t f = ++i;
    while (i < n && isDigit(s[i])) i++;
    if (i == f) return false;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    i++;
    if (i < n && (s[i] == '+' || s[i] == '-')) i++;
    size_t x = i;
    while (i < n && isDigit(s[i])) i++;
    if (i == x || i - x > 2) return false;
  }
  return i == n;
}

void appendJsNumber(double d, std::string& out) {
  if (d == 0) {
    out += '0';  // String(-0) === "0"
    return;
  }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  const char* p = buf;
  const char* end = r.ptr;
  if (*p == '-') {
    out += '-';
    p++;
  }
  char digits[32];
  int k = 0;
  for (; p < end && *p != 'e'; p++)
    if (*p != '.') digits[k++] = *p;
  int exp = std::atoi(std::string(p + 1, end).c_str());
  int n = exp + 1;  // JS Number::toString's n: value = 0.digits × 10^n
  if (k <= n && n <= 21) {
    out.append(digits, k);
    out.append(n - k, '0');
  } else if (0 < n && n <= 21) {
    out.append(digits, n);
    out += '.';
    out.append(digits + n, k - n);
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(-n, '0');
    out.append(digits, k);
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out.append(digits + 1, k - 1);
    }
    out += 'e';
    out += (n - 1 < 0) ? '-' : '+';
    out += std::to_string(std::abs(n - 1));
  }
}

bool appendLowercase(std::string_view s, std::string& out) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* e = p + s.size();
  while (p < e) {
    unsigned c = *p;
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      p++;
      continue;
    }
    // the input is valid UTF-8 (checked by the parser)
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    uint32_t cp = n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (size_t i = 1; i < n; i++) cp = (cp << 6) | (p[i] & 0x3F);
    if (cp == kFinalSigmaCapital) return false;
    const LowerEntry* lo = kLowerTable;
    const LowerEntry* hi = kLowerTable + sizeof kLowerTable / sizeof kLowerTable[0];
    while (lo < hi) {
      const LowerEntry* mid = lo + (hi - lo) / 2;
      if (mid->cp < cp) lo = mid + 1;
      else hi = mid;
    }
    if (lo != kLowerTable + sizeof kLowerTable / sizeof kLowerTable[0] && lo->cp == cp) {
      for (uint8_t i = 0; i < lo->n; i++) putUtf8(out, lo->out[i]);
    } else {
      out.append(reinterpret_cast<const char*>(p), n);
    }
    p += n;
  }
  return true;
}

}  // namespace linereader
