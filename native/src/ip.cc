// parseIp of lib/model/ip.ts, step for step (JS split semantics included).
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "coerce.h"

namespace linereader {

namespace {

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

namespace {

// JS `text.split(sep)` on a string_view, into at most `max` parts; false if there are more.
template <size_t N>
bool split(std::string_view text, std::string_view sep, std::string_view (&parts)[N], size_t& count) {
  count = 0;
  size_t start = 0;
  for (;;) {
    size_t at = text.find(sep, start);
    if (count == N) return false;
    if (at == std::string_view::npos) {
      parts[count++] = text.substr(start);
      return true;
    }
    parts[count++] = text.substr(start, at - start);
    start = at + sep.size();
  }
}

// text.split('.') into exactly 4 parts of 1–3 digits, no leading zero, ≤ 255 — in one pass.
bool parseV4(std::string_view text, uint8_t bytes[4]) {
  size_t i = 0, n = text.size();
  for (int part = 0; part < 4; part++) {
    size_t start = i;
    int v = 0;
    while (i < n && isDigit(text[i]) && i - start < 3) v = v * 10 + (text[i++] - '0');
    size_t len = i - start;
    if (len == 0 || (i < n && isDigit(text[i]))) return false;
    // Guava/Elasticsearch refuse leading zeros: octal or decimal would be a guess
    if (len > 1 && text[start] == '0') return false;
    if (v > 255) return false;
    bytes[part] = static_cast<uint8_t>(v);
    if (part < 3) {
      if (i >= n || text[i] != '.') return false;
      i++;
    }
  }
  return i == n;
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// parseHextets: '' → []; else every ':'-separated group 1–4 hex digits. At most 9 groups kept.
bool parseHextets(std::string_view s, uint16_t* out, size_t& count) {
  count = 0;
  if (s.empty()) return true;
  std::string_view parts[9];
  size_t n;
  if (!split(s, ":", parts, n)) return false;  // more than 8 groups can never fit
  for (size_t i = 0; i < n; i++) {
    std::string_view g = parts[i];
    if (g.empty() || g.size() > 4) return false;
    unsigned v = 0;
    for (char c : g) {
      int h = hexDigit(c);
      if (h < 0) return false;
      v = v * 16 + static_cast<unsigned>(h);
    }
    out[count++] = static_cast<uint16_t>(v);
  }
  return true;
}

bool parseV6(std::string_view text, uint8_t bytes[16]) {
  if (text.find('%') != std::string_view::npos) return false;
  std::string_view head = text;
  uint8_t tail[4];
  bool hasTail = false;
  size_t lastColon = text.rfind(':');
  std::string_view last = text.substr(lastColon + 1);
  if (last.find('.') != std::string_view::npos) {
    if (!parseV4(last, tail)) return false;
    hasTail = true;
    head = text.substr(0, lastColon + 1);
    bool endsDouble = head.size() >= 2 && head.substr(head.size() - 2) == "::";
    if (!endsDouble) head = head.substr(0, head.size() - 1);
  }
  size_t wanted = hasTail ? 6 : 8;
  std::string_view halves[3];
  size_t nh;
  if (!split(head, "::", halves, nh) || nh > 2) return false;
  uint16_t left[9], right[9];
  size_t nl, nr = 0;
  if (!parseHextets(halves[0], left, nl)) return false;
  if (nh == 2 && !parseHextets(halves[1], right, nr)) return false;
  uint16_t groups[8];
  if (nh == 2) {
    if (nl + nr + 1 > wanted) return false;  // missing < 1
    size_t missing = wanted - nl - nr, g = 0;
    for (size_t i = 0; i < nl; i++) groups[g++] = left[i];
    for (size_t i = 0; i < missing; i++) groups[g++] = 0;
    for (size_t i = 0; i < nr; i++) groups[g++] = right[i];
  } else {
    if (nl != wanted) return false;
    for (size_t i = 0; i < nl; i++) groups[i] = left[i];
  }
  for (size_t i = 0; i < wanted; i++) {
    bytes[2 * i] = static_cast<uint8_t>(groups[i] >> 8);
    bytes[2 * i + 1] = static_cast<uint8_t>(groups[i] & 0xff);
  }
  if (hasTail) std::memcpy(bytes + 12, tail, 4);
  return true;
}

}  // namespace

bool parseIpHex(std::string_view text, char out[32]) {
  static const char HEX[] = "0123456789abcdef";
  uint8_t bytes[16];
  // IPv4 first: it fails on any ':', so trying it first answers as `includes(':')` would
  std::memset(bytes, 0, 10);
  bytes[10] = bytes[11] = 0xff;
  if (!parseV4(text, bytes + 12)) {
    if (text.find(':') == std::string_view::npos || !parseV6(text, bytes)) return false;
  }
  for (int i = 0; i < 16; i++) {
    out[2 * i] = HEX[bytes[i] >> 4];
    out[2 * i + 1] = HEX[bytes[i] & 15];
  }
  return true;
}

}  // namespace linereader
