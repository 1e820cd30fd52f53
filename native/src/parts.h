// A batch of NDJSON lines → a Parquet part, or two (its halves, when split), written at once on two
// threads, each in line order. Lines the native reader cannot take exactly come back to the
// caller (the JS path), whose answers for them (a row, or a rejection) are written in their place.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "big_memory.h"
#include "line_reader.h"

namespace hbparts {

struct LineRef {
  uint32_t offset;
  uint32_t length;
};

// A row the JS path made for a line the reader could not take: physical column → value(s).
struct Scalar {
  enum Kind : uint8_t { Str, Num, Bool } kind;
  bool b = false;
  double d = 0;
  std::string s;
};
struct OverrideCell {
  int column;  // in Batch's column space
  bool list;
  std::vector<Scalar> values;
};
struct Override {
  bool rejected = false;  // the JS path refused the line: it stores nothing
  std::vector<OverrideCell> cells;
};

struct Part {
  std::string file;
  size_t firstLine = 0, endLine = 0;  // [first, end) of Batch::lines
  std::vector<int> columns;           // present columns, sorted by name (as stage.ts sorts them)
  uint64_t docCount = 0;
  bool hasTimestamp = false;
  int64_t minTimestamp = 0, maxTimestamp = 0;
};

// Column space: spec field f is column 2f (its own) and 2f+1 (its `#mv` list); columns only the
// JS path's rows hold (fields a dynamic mapping added) come after.
struct Column {
  std::string name;
  int type;  // duckdb_type
  bool list;
  int field;  // spec field, -1 for a JS-only column
};

// A row pass 1 read, kept for pass 2 so that no line is read twice: fixed-size records in a
// per-half log. Strings point into the batch (or, when unescaping changed them, into the log's text).
struct LoggedValue {
  uint8_t kind;    // linereader::ValueKind
  uint8_t inText;  // the bytes are in HalfLog::text, else in Batch::data
  uint16_t unused;
  uint32_t length;
  union {
    int64_t i;
    double d;
    uint64_t offset;
    uint64_t b;
  };
};
struct LoggedCell {
  uint32_t column;
  uint32_t count;  // values that follow
};
// Bytes written without the zero-filling and per-call checks of std::string: a row's room is
// made once, then its records are copied in.
class ByteLog {
 public:
  ByteLog() = default;
  ByteLog(const ByteLog&) = delete;
  ByteLog& operator=(const ByteLog&) = delete;
  ~ByteLog() { bigmem::release(data_, capacity_); }
  void clear() { size_ = 0; }
  size_t size() const { return size_; }
  const char* data() const { return data_; }
  // room for `n` more bytes; false when memory runs out
  bool reserve(size_t n) {
    if (size_ + n <= capacity_) return true;
    size_t grown = std::max(capacity_ * 2, size_ + n);
    void* p = bigmem::grow(data_, capacity_, grown);
    if (!p) return false;
    data_ = static_cast<char*>(p);
    capacity_ = grown;
    return true;
  }
  template <typename T>
  void put(const T& v) {  // after reserve
    std::memcpy(data_ + size_, &v, sizeof(T));
    size_ += sizeof(T);
  }

 private:
  char* data_ = nullptr;
  size_t size_ = 0, capacity_ = 0;
};

struct HalfLog {
  ByteLog records;  // per row: uint32 cell count, then per cell a LoggedCell and its values
  std::string text;
  bool outOfMemory = false;
};

enum LineStatus : uint8_t { Skipped, Logged, Untakeable };

struct Batch {
  const char* data = nullptr;
  size_t size = 0;
  linereader::Spec spec;
  std::vector<LineRef> lines;
  std::vector<Column> columns;
  std::vector<uint32_t> untakeable;          // line indices, ascending
  std::vector<int32_t> overrideOf;           // per line: index into overrides, -1 if read natively
  std::vector<Override> overrides;
  Part parts[2];
  std::vector<uint8_t> present[2];           // per half, over the column space
  std::vector<uint8_t> status;               // LineStatus of each line
  HalfLog* logs = nullptr;                   // two, of a session's log set: reused batch after batch
};

// Pass 1. `data` holds `expectedLines` lines joined by '\n'; `split`: two halves (else one part);
// `fromText`: the bytes were JS strings, where U+FFFD may stand for a lone surrogate. False (with
// why) when the batch as a whole cannot go this way: a line break inside a line, or such text.
bool survey(Batch& batch, size_t expectedLines, bool split, bool fromText, std::string& why);

// Adds the JS path's answer for untakeable line `line`: nullptr = rejected, else the row as JSON
// (`{"column": value | [values]}`) with `types` naming the DuckDB type of any column not in the spec.
bool addOverride(Batch& batch, uint32_t line, const char* rowJson, size_t length, const std::vector<std::pair<std::string, int>>& types, std::string& error);

struct Settings {
  std::string memoryLimit;    // DuckDB's memory_limit, e.g. "4GB"
  std::string tempDirectory;  // where DuckDB may spill
};

// The DuckDB database an ingest writes its parts with (in memory: it only runs COPY), and the
// row logs of its batches, reused: fresh memory for each batch would cost a page fault per 4 KiB.
// Two batches may be between survey and write at once (one written while the next is surveyed):
// each takes one of the two log sets while it is.
struct LogSet {
  HalfLog halves[2];
  const void* holder = nullptr;  // the batch using it, if any
};
struct Session {
  void* database = nullptr;  // duckdb_database
  uint64_t writes = 0;       // names each write's table functions apart
  LogSet logSets[2];
};
// A free log set for `holder`, or nullptr when both are taken.
LogSet* takeLogSet(Session& session, const void* holder);
void releaseLogSet(Session& session, const void* holder);
bool openSession(const Settings& settings, Session& session, std::string& error);
void closeSession(Session& session);

// Pass 2: writes the non-empty halves to `files`; false with DuckDB's error (or a placeholder-only
// part, which stage.ts owns) in `error`.
bool writeParts(Batch& batch, Session& session, const std::string files[2], std::string& error);

}  // namespace hbparts
