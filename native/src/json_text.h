// Byte-level JSON text helpers shared by the line parser and the coercions.
#pragma once

#include <emmintrin.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace linereader {

// 1: a byte a string scan must stop at (quote, backslash, control, non-ASCII)
struct StopTable {
  bool stop[256];
  constexpr StopTable() : stop() {
    for (int c = 0; c < 256; c++) stop[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  }
};
constexpr StopTable kStop;

// The first byte at or after p that a string scan must look at; 16 bytes at a time (SSE2):
// a signed compare below 0x20 also catches bytes >= 0x80.
inline const char* skipPlain(const char* p, const char* e) {
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
  while (e - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)), _mm_cmplt_epi8(v, space));
    int mask = _mm_movemask_epi8(hit);
    if (mask) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
  while (p < e && !kStop.stop[static_cast<unsigned char>(*p)]) p++;
  return p;
}

inline bool isWs(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Length of the valid UTF-8 sequence at p (lead byte ≥ 0x80), 0 if invalid (overlong, surrogate, > U+10FFFF).
inline size_t utf8Len(const unsigned char* p, const unsigned char* e) {
  unsigned c = p[0];
  auto cont = [&](size_t i) { return p + i < e && (p[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;
    if (c == 0xED && p[1] >= 0xA0) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;
    if (c == 0xF4 && p[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

inline int hex4(const char* p) {
  int v = 0;
  for (int i = 0; i < 4; i++) {
    char c = p[i];
    int h = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

inline void putUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace linereader
