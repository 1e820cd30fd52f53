// Pass 1: which lines the reader takes, which columns each half holds, and the rows it read.
#include <cstring>
#include <thread>

#include "duckdb_abi.h"
#include "parts.h"

namespace hbparts {

namespace {

int physicalType(linereader::Kind kind) {
  using linereader::Kind;
  switch (kind) {
    case Kind::Long:
    case Kind::Date:
      return DUCKDB_TYPE_BIGINT;
    case Kind::Integer:
    case Kind::Short:
    case Kind::Byte:
      return DUCKDB_TYPE_INTEGER;
    case Kind::Double:
      return DUCKDB_TYPE_DOUBLE;
    case Kind::UnsignedLong:
      return DUCKDB_TYPE_UBIGINT;
    case Kind::Boolean:
      return DUCKDB_TYPE_BOOLEAN;
    default:
      return DUCKDB_TYPE_VARCHAR;
  }
}

void logRow(const Batch& batch, const linereader::Row& row, HalfLog& log) {
  ByteLog& out = log.records;
  if (!out.reserve(sizeof(uint32_t) + row.columns.size() * sizeof(LoggedCell) + row.values.size() * sizeof(LoggedValue))) {
    log.outOfMemory = true;
    return;
  }
  out.put(static_cast<uint32_t>(row.columns.size()));
  for (const auto& c : row.columns) {
    out.put(LoggedCell{static_cast<uint32_t>(c.field * 2 + (c.multi ? 1 : 0)), c.count});
    for (uint32_t k = 0; k < c.count; k++) {
      const linereader::Value& v = row.values[c.first + k];
      LoggedValue logged{};
      logged.kind = static_cast<uint8_t>(v.kind);
      switch (v.kind) {
        case linereader::ValueKind::Str: {
          std::string_view s = row.str(v);
          logged.length = static_cast<uint32_t>(s.size());
          if (s.data() >= batch.data && s.data() + s.size() <= batch.data + batch.size) {
            logged.offset = static_cast<uint64_t>(s.data() - batch.data);
          } else {
            logged.inText = 1;
            logged.offset = log.text.size();
            log.text.append(s);
          }
          break;
        }
        case linereader::ValueKind::Int: logged.i = v.i; break;
        case linereader::ValueKind::Dbl: logged.d = v.d; break;
        case linereader::ValueKind::Bool: logged.b = v.b ? 1 : 0; break;
      }
      out.put(logged);
    }
  }
}

// One half: every line read once; the untakeable ones remembered, the rows logged for pass 2.
void surveyHalf(Batch& batch, int k, std::vector<uint32_t>& untakeable) {
  Part& part = batch.parts[k];
  std::vector<uint8_t>& present = batch.present[k];
  HalfLog& log = batch.logs[k];
  log.records.clear();
  log.text.clear();
  // a logged row takes about as many bytes as its line: reserving that spares the copies of growth
  log.outOfMemory = !log.records.reserve(batch.lines[part.endLine - 1].offset - batch.lines[part.firstLine].offset + 4096);
  linereader::Row row;
  for (size_t i = part.firstLine; i < part.endLine; i++) {
    const LineRef& ref = batch.lines[i];
    linereader::Result r = linereader::readLine(batch.spec, batch.data + ref.offset, ref.length, row);
    if (r.kind == linereader::ResultKind::Blank) continue;
    if (r.kind == linereader::ResultKind::Untakeable) {
      batch.status[i] = Untakeable;
      untakeable.push_back(static_cast<uint32_t>(i));
      continue;
    }
    batch.status[i] = Logged;
    part.docCount++;
    for (const auto& c : row.columns) present[c.field * 2 + (c.multi ? 1 : 0)] = 1;
    logRow(batch, row, log);
  }
}

}  // namespace

bool survey(Batch& batch, size_t expectedLines, bool split, bool fromText, std::string& why) {
  const char* data = batch.data;
  const size_t size = batch.size;
  batch.lines.reserve(expectedLines);
  for (size_t start = 0;;) {
    const void* nl = std::memchr(data + start, '\n', size - start);
    size_t end = nl ? static_cast<const char*>(nl) - data : size;
    batch.lines.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end - start)});
    if (!nl) break;
    start = end + 1;
  }
  if (batch.lines.size() != expectedLines) {
    why = "a line break inside a line";
    return false;
  }
  if (size > UINT32_MAX) {
    why = "batch too large";
    return false;
  }
  // U+FFFD may stand for a lone surrogate of the JS text, which JS orders otherwise
  if (fromText && memmem(data, size, "\xEF\xBF\xBD", 3)) {
    why = "U+FFFD";
    return false;
  }
  const auto& fields = batch.spec.fields;
  for (size_t f = 0; f < fields.size(); f++) {
    int type = physicalType(fields[f].kind);
    batch.columns.push_back({fields[f].name, type, false, static_cast<int>(f)});
    batch.columns.push_back({fields[f].name + "#mv", type, true, static_cast<int>(f)});
  }
  size_t half = split ? (batch.lines.size() + 1) / 2 : batch.lines.size();
  batch.parts[0].firstLine = 0;
  batch.parts[0].endLine = half;
  batch.parts[1].firstLine = half;
  batch.parts[1].endLine = batch.lines.size();
  std::vector<uint32_t> untakeable[2];
  for (int k = 0; k < 2; k++) batch.present[k].assign(batch.columns.size(), 0);
  batch.status.assign(batch.lines.size(), Skipped);
  std::thread second;
  if (batch.parts[1].endLine > batch.parts[1].firstLine) second = std::thread([&] { surveyHalf(batch, 1, untakeable[1]); });
  surveyHalf(batch, 0, untakeable[0]);
  if (second.joinable()) second.join();
  batch.untakeable = untakeable[0];
  batch.untakeable.insert(batch.untakeable.end(), untakeable[1].begin(), untakeable[1].end());
  batch.overrideOf.assign(batch.lines.size(), -1);
  return true;
}

}  // namespace hbparts
