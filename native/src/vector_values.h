// Values into DuckDB vectors: the rows pass 1 logged, and the JS path's rows for the lines it took.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

#include "duckdb_abi.h"
#include "parts.h"

namespace hbparts {

// A string the reader read (valid UTF-8: it refuses any other) pointing into the batch or its log,
// both alive until the part is written: DuckDB copies strings out of a chunk as it takes it, so
// copying them into the vector's own heap first would be a copy too many.
inline void setBorrowedString(duckdb_string_t& out, const char* bytes, uint32_t length) {
  std::memset(&out, 0, sizeof out);  // inlined strings are compared as 16 bytes: the rest must be zero
  out.value.inlined.length = length;
  if (length <= sizeof out.value.inlined.inlined) {
    std::memcpy(out.value.inlined.inlined, bytes, length);
  } else {
    std::memcpy(out.value.pointer.prefix, bytes, sizeof out.value.pointer.prefix);
    out.value.pointer.ptr = const_cast<char*>(bytes);
  }
}

inline void setLogged(duckdb_vector vector, idx_t index, int type, const Batch& batch, const HalfLog& log, const LoggedValue& v) {
  void* data = duckdb_vector_get_data(vector);
  auto kind = static_cast<linereader::ValueKind>(v.kind);
  switch (type) {
    case DUCKDB_TYPE_VARCHAR:
      setBorrowedString(static_cast<duckdb_string_t*>(data)[index], v.inText ? log.text.data() + v.offset : batch.data + v.offset, v.length);
      break;
    case DUCKDB_TYPE_BIGINT: static_cast<int64_t*>(data)[index] = v.i; break;
    case DUCKDB_TYPE_INTEGER: static_cast<int32_t*>(data)[index] = static_cast<int32_t>(v.i); break;
    case DUCKDB_TYPE_UBIGINT: static_cast<uint64_t*>(data)[index] = static_cast<uint64_t>(v.i); break;
    case DUCKDB_TYPE_DOUBLE: static_cast<double*>(data)[index] = kind == linereader::ValueKind::Dbl ? v.d : static_cast<double>(v.i); break;
    case DUCKDB_TYPE_BOOLEAN: static_cast<bool*>(data)[index] = v.b != 0; break;
    default: break;
  }
}

// A number literal of plain decimal digits as the exact unsigned 64-bit value; false past 2^64-1 or for any other text.
inline bool digitsValue(const std::string& s, uint64_t& out) {
  if (s.empty() || s.size() > 20) return false;
  uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    uint64_t d = static_cast<uint64_t>(c - '0');
    if (n > (UINT64_MAX - d) / 10) return false;
    n = n * 10 + d;
  }
  out = n;
  return true;
}

// A JS value into a column, as DuckDB casts it when the JS path's staging table is copied.
inline bool setScalar(duckdb_vector vector, idx_t index, int type, const Scalar& v) {
  void* data = duckdb_vector_get_data(vector);
  if (type == DUCKDB_TYPE_VARCHAR) {
    if (v.kind != Scalar::Str) return false;
    duckdb_vector_assign_string_element_len(vector, index, v.s.data(), v.s.size());
    return true;
  }
  if (type == DUCKDB_TYPE_BOOLEAN) {
    if (v.kind != Scalar::Bool) return false;
    static_cast<bool*>(data)[index] = v.b;
    return true;
  }
  if (v.kind != Scalar::Num) return false;
  double r = std::nearbyint(v.d);
  switch (type) {
    case DUCKDB_TYPE_DOUBLE: static_cast<double*>(data)[index] = v.d; return true;
    case DUCKDB_TYPE_BIGINT:
      if (!(r >= -9223372036854775808.0 && r < 9223372036854775808.0)) return false;
      static_cast<int64_t*>(data)[index] = static_cast<int64_t>(r);
      return true;
    case DUCKDB_TYPE_UBIGINT: {
      uint64_t exact;
      if (digitsValue(v.s, exact)) {
        static_cast<uint64_t*>(data)[index] = exact;
        return true;
      }
      if (!(r >= 0 && r < 18446744073709551616.0)) return false;
      static_cast<uint64_t*>(data)[index] = static_cast<uint64_t>(r);
      return true;
    }
    case DUCKDB_TYPE_INTEGER:
      if (!(r >= -2147483648.0 && r <= 2147483647.0)) return false;
      static_cast<int32_t*>(data)[index] = static_cast<int32_t>(r);
      return true;
    default: return false;
  }
}

}  // namespace hbparts
