// Scanning of JSON strings and numbers exactly as JSON.parse accepts them (RFC 8259), plus the
// facts the coercions need (decoded bytes, ASCII or not).
#pragma once

#include <cstdint>
#include <string>

#include "json_text.h"

namespace linereader {

// A string after its opening quote. Without escapes the bytes stay in the input (span); with
// escapes they are decoded onto the end of `dest` (span = offset there).
// Returns nullptr when done (p after the closing quote), else why the line is untakeable.
inline const char* scanString(const char*& p, const char* e, std::string& dest, const char*& start, uint32_t& len,
                              bool& decoded, bool& ascii) {
  start = p;
  decoded = false;
  ascii = true;
  size_t destStart = dest.size();
  for (;;) {
    p = skipPlain(p, e);
    if (p >= e) return "unterminated string";
    unsigned char c = static_cast<unsigned char>(*p);
    if (c == '"') {
      if (decoded) {
        dest.append(start, p);
        start = nullptr;
        len = static_cast<uint32_t>(dest.size() - destStart);
      } else {
        len = static_cast<uint32_t>(p - start);
      }
      p++;
      return nullptr;
    }
    if (c < 0x20) return "control character in string";
    if (c >= 0x80) {
      size_t n = utf8Len(reinterpret_cast<const unsigned char*>(p), reinterpret_cast<const unsigned char*>(e));
      if (!n) return "invalid UTF-8";
      ascii = false;
      p += n;
      continue;
    }
    // backslash: from here on the string is decoded into dest
    decoded = true;
    dest.append(start, p);
    if (e - p < 2) return "unterminated string";
    char x = p[1];
    p += 2;
    switch (x) {
      case '"': dest += '"'; break;
      case '\\': dest += '\\'; break;
      case '/': dest += '/'; break;
      case 'b': dest += '\b'; break;
      case 'f': dest += '\f'; break;
      case 'n': dest += '\n'; break;
      case 'r': dest += '\r'; break;
      case 't': dest += '\t'; break;
      case 'u': {
        int u = e - p >= 4 ? hex4(p) : -1;
        if (u < 0) return "bad \\u escape";
        p += 4;
        uint32_t cp = static_cast<uint32_t>(u);
        if (cp >= 0xDC00 && cp <= 0xDFFF) return "lone surrogate";
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          int lo = (e - p >= 6 && p[0] == '\\' && p[1] == 'u') ? hex4(p + 2) : -1;
          if (lo < 0xDC00 || lo > 0xDFFF) return "lone surrogate";
          p += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<uint32_t>(lo) - 0xDC00);
        }
        if (cp >= 0x80) ascii = false;
        putUtf8(dest, cp);
        break;
      }
      default:
        return "bad escape";
    }
    start = p;
  }
}

// A number (JSON grammar) at p: its end, or nullptr if malformed.
inline const char* scanNumber(const char* p, const char* e) {
  if (p < e && *p == '-') p++;
  if (p >= e) return nullptr;
  if (*p == '0') {
    p++;
  } else if (*p >= '1' && *p <= '9') {
    while (p < e && *p >= '0' && *p <= '9') p++;
  } else {
    return nullptr;
  }
  if (p < e && *p == '.') {
    const char* f = ++p;
    while (p < e && *p >= '0' && *p <= '9') p++;
    if (p == f) return nullptr;
  }
  if (p < e && (*p == 'e' || *p == 'E')) {
    p++;
    if (p < e && (*p == '+' || *p == '-')) p++;
    const char* x = p;
    while (p < e && *p >= '0' && *p <= '9') p++;
    if (p == x) return nullptr;
  }
  return p;
}

}  // namespace linereader
