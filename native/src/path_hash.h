// A hash of a dotted path, segment by segment (split at '.'), so that a key's path hash continues
// its prefix's whatever route (nested objects or dotted keys) spelled the path. Word-at-a-time:
// per-byte FNV was a serial multiply chain and the reader's top cost.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace linereader {

constexpr uint64_t kHashSeed = 1469598103934665603ull;
constexpr uint64_t kHashMul = 0x9E3779B97F4A7C15ull;

// One segment (no '.') onto h.
inline uint64_t segmentHash(uint64_t h, const char* s, size_t n) {
  h = (h ^ n) * kHashMul;
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, s, 8);
    h = (h ^ w) * kHashMul;
    h ^= h >> 29;
    s += 8;
    n -= 8;
  }
  if (n) {
    uint64_t w = 0;
    std::memcpy(&w, s, n);
    h = (h ^ w) * kHashMul;
  }
  return h ^ (h >> 32);
}

// segmentHash for a segment followed by at least 8 readable bytes: whole-word loads, masked.
inline uint64_t segmentHashPadded(uint64_t h, const char* s, size_t n) {
  h = (h ^ n) * kHashMul;
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, s, 8);
    h = (h ^ w) * kHashMul;
    h ^= h >> 29;
    s += 8;
    n -= 8;
  }
  if (n) {
    uint64_t w;
    std::memcpy(&w, s, 8);
    w &= ~0ull >> (64 - 8 * n);  // little-endian: the first n bytes
    h = (h ^ w) * kHashMul;
  }
  return h ^ (h >> 32);
}

// Segments of `s` onto h (a full path from kHashSeed, or a key continuing its prefix's hash).
inline uint64_t pathHash(uint64_t h, const char* s, size_t n) {
  size_t start = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i == n || s[i] == '.') {
      h = segmentHash(h, s + start, i - start);
      start = i + 1;
    }
  }
  return h;
}

}  // namespace linereader
