// parseDate of lib/store/dates.ts: the ISO_DATE regex by hand, then EPOCH_MILLIS.
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "coerce.h"

namespace linereader {

namespace {

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

namespace {

constexpr double MAX_DATE_MS = 8.64e15;

bool digitsAt(std::string_view s, size_t at, size_t n, int& v) {
  if (at + n > s.size()) return false;
  v = 0;
  for (size_t i = at; i < at + n; i++) {
    if (!isDigit(s[i])) return false;
    v = v * 10 + (s[i] - '0');
  }
  return true;
}

// Days from 1970-01-01 of a proleptic Gregorian date (as Date.setUTCFullYear computes it).
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

enum class Iso : uint8_t { NoMatch, Invalid, Ok };

// The ISO_DATE regex of dates.ts, matched by hand (it is deterministic: no backtracking needed).
Iso parseIso(std::string_view s, int64_t& ms) {
  int year, month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0, offset = 0;
  size_t i = 4;
  if (!digitsAt(s, 0, 4, year)) return Iso::NoMatch;
  auto done = [&]() { return i == s.size(); };
  if (!done()) {
    if (s[i] != '-' || !digitsAt(s, i + 1, 2, month)) return Iso::NoMatch;
    i += 3;
    if (!done()) {
      if (s[i] != '-' || !digitsAt(s, i + 1, 2, day)) return Iso::NoMatch;
      i += 3;
      if (!done()) {
        if (s[i] != 'T' || !digitsAt(s, i + 1, 2, hour)) return Iso::NoMatch;
        i += 3;
        if (i < s.size() && s[i] == ':') {
          if (!digitsAt(s, i + 1, 2, minute)) return Iso::NoMatch;
          i += 3;
          if (i < s.size() && s[i] == ':') {
            if (!digitsAt(s, i + 1, 2, second)) return Iso::NoMatch;
            i += 3;
            if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
              size_t f = ++i;
              while (i < s.size() && isDigit(s[i])) i++;
              size_t nf = i - f;
              if (nf < 1 || nf > 9) return Iso::NoMatch;
              for (size_t k = 0; k < 3; k++) millis = millis * 10 + (k < nf ? s[f + k] - '0' : 0);
            }
          }
        }
        if (!done()) {
          if (s[i] == 'Z') {
            i++;
          } else if (s[i] == '+' || s[i] == '-') {
            int sign = s[i] == '-' ? -1 : 1, h, m = 0;
            if (!digitsAt(s, i + 1, 2, h)) return Iso::NoMatch;
            i += 3;
            if (i < s.size() && s[i] == ':') {
              if (!digitsAt(s, i + 1, 2, m)) return Iso::NoMatch;
              i += 3;
            } else if (i < s.size()) {
              if (!digitsAt(s, i, 2, m)) return Iso::NoMatch;
              i += 2;
            }
            if (h > 18 || m > 59) {
              if (!done()) return Iso::NoMatch;
              return Iso::Invalid;
            }
            offset = sign * (h * 60 + m);
          } else {
            return Iso::NoMatch;
          }
          if (!done()) return Iso::NoMatch;
        }
      }
    }
  }
  if (month < 1 || month > 12) return Iso::Invalid;
  static const int DAYS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int monthDays = month == 2 && isLeap(year) ? 29 : DAYS[month - 1];
  if (day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) return Iso::Invalid;
  int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  ms = ((days * 24 + hour) * 60 + minute) * 60000 + second * 1000 + millis - static_cast<int64_t>(offset) * 60000;
  return Iso::Ok;
}

}  // namespace

DateStatus dateFromNumber(double d, int64_t& ms) {
  double t = std::trunc(d);
  if (t == 0 && std::signbit(t)) return DateStatus::Unsure;  // JS keeps -0; an int64 cannot
  if (!(std::fabs(t) <= MAX_DATE_MS)) return DateStatus::Unsure;
  ms = static_cast<int64_t>(t);
  return DateStatus::Ok;
}

DateStatus parseDateString(std::string_view text, int64_t& ms) {
  Iso iso = parseIso(text, ms);
  if (iso == Iso::Ok) return std::abs(ms) <= static_cast<int64_t>(MAX_DATE_MS) ? DateStatus::Ok : DateStatus::Unsure;
  // EPOCH_MILLIS: -?[0-9]+(\.[0-9]+)?
  size_t i = 0, n = text.size();
  if (i < n && text[i] == '-') i++;
  size_t start = i;
  while (i < n && isDigit(text[i])) i++;
  if (i == start) return DateStatus::Unsure;
  if (i < n && text[i] == '.') {
    size_t f = ++i;
    while (i < n && isDigit(text[i])) i++;
    if (i == f) return DateStatus::Unsure;
  }
  if (i != n) return DateStatus::Unsure;
  double d;
  if (!numberValue(text, d)) return DateStatus::Unsure;
  return dateFromNumber(d, ms);
}

}  // namespace linereader
