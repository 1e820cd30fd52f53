// Value coercions of lib/store/coerce.ts and dates.ts and lib/model/ip.ts, each either exact or "unsure".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace linereader {

// A JSON number literal (or a numeric string) as JS `Number()` reads it; false when unsure
// (exponent of 3+ digits, non-finite result). glibc strtod rounds correctly, as JS does.
bool numberValue(std::string_view literal, double& out);

// Whether `s` is a decimal number `Number()` reads like strtod: -?digits(.digits)?(e[+-]?d{1,2})?
bool isPlainNumericString(std::string_view s);

// Appends JS `String(d)` for a finite d (shortest round-trip digits, JS's layout).
void appendJsNumber(double d, std::string& out);

// Appends JS `s.toLowerCase()` of valid UTF-8 `s`; false (unsure) for a capital sigma, whose
// lower case depends on its neighbours.
bool appendLowercase(std::string_view s, std::string& out);

// parseIp (lib/model/ip.ts): 32 lower-case hex digits into out; false = not an IP (the JS path rejects).
bool parseIpHex(std::string_view text, char out[32]);

enum class DateStatus : uint8_t { Ok, Unsure };

// parseDate (dates.ts) for a string: Ok with epoch ms, or Unsure (invalid or out of the exact subset).
DateStatus parseDateString(std::string_view text, int64_t& ms);

// parseDate for a JSON number: Math.trunc, representable range; -0 → Unsure.
DateStatus dateFromNumber(double d, int64_t& ms);

}  // namespace linereader
