// Pass 2: each half's rows — logged by pass 1, or the JS path's for the lines it left to JS —
// straight into DuckDB vectors, by a table function whose rows `COPY … TO parquet` writes as the
// part. Two passes because a part's columns must be known before it is written.
#include "parts.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <thread>

#include "duckdb_abi.h"
#include "vector_values.h"

namespace hbparts {


namespace {

constexpr idx_t kChunkRows = 2048;

struct Scan {
  Batch* batch;
  Part* part;
  int timestampColumn;  // -1: no numeric @timestamp
  std::string error;
  uint64_t emitted = 0;
};

struct LocalState {
  size_t next;        // line index
  size_t logged = 0;  // read position in the half's log
  std::vector<int> slot;  // output position of each column of the space, -1 if absent here
};

void bind(duckdb_bind_info info) {
  auto* scan = static_cast<Scan*>(duckdb_bind_get_extra_info(info));
  for (int c : scan->part->columns) {
    const Column& column = scan->batch->columns[c];
    duckdb_logical_type base = duckdb_create_logical_type(static_cast<duckdb_type>(column.type));
    duckdb_logical_type type = column.list ? duckdb_create_list_type(base) : base;
    duckdb_bind_add_result_column(info, column.name.c_str(), type);
    if (column.list) duckdb_destroy_logical_type(&type);
    duckdb_destroy_logical_type(&base);
  }
}

void init(duckdb_init_info info) {
  // one thread per part keeps its rows in line order
  duckdb_init_set_max_threads(info, 1);
}

void localInit(duckdb_init_info info) {
  auto* scan = static_cast<Scan*>(duckdb_init_get_extra_info(info));
  auto* state = new LocalState();
  state->next = scan->part->firstLine;
  state->slot.assign(scan->batch->columns.size(), -1);
  for (size_t i = 0; i < scan->part->columns.size(); i++) state->slot[scan->part->columns[i]] = static_cast<int>(i);
  duckdb_init_set_init_data(info, state, [](void* p) { delete static_cast<LocalState*>(p); });
}

// Output vectors of one chunk and what has been written to them.
struct Out {
  std::vector<duckdb_vector> vectors;
  std::vector<uint64_t*> validity;
  std::vector<int> types;
  std::vector<idx_t> listSizes;
};

void noteTimestamp(Part& part, int64_t ts) {
  if (!part.hasTimestamp || ts < part.minTimestamp) part.minTimestamp = ts;
  if (!part.hasTimestamp || ts > part.maxTimestamp) part.maxTimestamp = ts;
  part.hasTimestamp = true;
}

// Reserves room for `count` list items of output i at row n; returns the child vector and offset.
duckdb_vector listSlot(Out& out, int i, idx_t n, idx_t count, idx_t& offset) {
  offset = out.listSizes[i];
  duckdb_list_vector_reserve(out.vectors[i], offset + count);
  out.listSizes[i] = offset + count;
  duckdb_list_vector_set_size(out.vectors[i], out.listSizes[i]);
  auto* entries = static_cast<duckdb_list_entry*>(duckdb_vector_get_data(out.vectors[i]));
  entries[n].offset = offset;
  entries[n].length = count;
  return duckdb_list_vector_get_child(out.vectors[i]);
}

void markValid(Out& out, int i, idx_t n) { out.validity[i][n / 64] |= uint64_t{1} << (n % 64); }

template <typename T>
T readLog(const HalfLog& log, size_t& at) {
  T v;
  std::memcpy(&v, log.records.data() + at, sizeof(T));
  at += sizeof(T);
  return v;
}

// The next logged row of the half (pass 1 read it) into the chunk's row n.
const char* emitLogged(Scan& scan, LocalState& state, Out& out, idx_t n, const HalfLog& log) {
  const Batch& batch = *scan.batch;
  size_t& at = state.logged;
  if (log.outOfMemory) return "native ingest: out of memory for a batch's rows";
  if (at >= log.records.size()) return "native ingest: a part's log ended early";
  uint32_t cells = readLog<uint32_t>(log, at);
  for (uint32_t c = 0; c < cells; c++) {
    LoggedCell cell = readLog<LoggedCell>(log, at);
    int i = state.slot[cell.column];
    if (i < 0) return "native ingest: a column missing from the first pass";
    markValid(out, i, n);
    if (!batch.columns[cell.column].list) {
      LoggedValue v = readLog<LoggedValue>(log, at);
      setLogged(out.vectors[i], n, out.types[i], batch, log, v);
      if (static_cast<int>(cell.column) == scan.timestampColumn) noteTimestamp(*scan.part, v.i);
      continue;
    }
    idx_t offset;
    duckdb_vector child = listSlot(out, i, n, cell.count, offset);
    for (uint32_t k = 0; k < cell.count; k++) setLogged(child, offset + k, out.types[i], batch, log, readLog<LoggedValue>(log, at));
  }
  return nullptr;
}

const char* emitOverride(Scan& scan, LocalState& state, Out& out, idx_t n, const Override& row) {
  for (const auto& cell : row.cells) {
    int i = state.slot[cell.column];
    if (i < 0) return "native ingest: a column missing from the first pass";
    markValid(out, i, n);
    if (!cell.list) {
      if (!setScalar(out.vectors[i], n, out.types[i], cell.values[0])) return "native ingest: a JS row value does not fit its column";
      if (cell.column == scan.timestampColumn) noteTimestamp(*scan.part, static_cast<int64_t>(std::nearbyint(cell.values[0].d)));
      continue;
    }
    idx_t offset;
    duckdb_vector child = listSlot(out, i, n, cell.values.size(), offset);
    for (size_t k = 0; k < cell.values.size(); k++) {
      if (!setScalar(child, offset + k, out.types[i], cell.values[k])) return "native ingest: a JS row value does not fit its column";
    }
  }
  return nullptr;
}

void produce(duckdb_function_info info, duckdb_data_chunk output) {
  auto& scan = *static_cast<Scan*>(duckdb_function_get_extra_info(info));
  auto& state = *static_cast<LocalState*>(duckdb_function_get_local_init_data(info));
  Batch& batch = *scan.batch;
  const size_t width = scan.part->columns.size();
  Out out;
  out.listSizes.assign(width, 0);
  for (size_t i = 0; i < width; i++) {
    out.vectors.push_back(duckdb_data_chunk_get_vector(output, i));
    duckdb_vector_ensure_validity_writable(out.vectors[i]);
    out.validity.push_back(duckdb_vector_get_validity(out.vectors[i]));
    // every row null until a value is written: most documents leave most columns out
    std::memset(out.validity[i], 0, kChunkRows / 8);
    out.types.push_back(batch.columns[scan.part->columns[i]].type);
  }
  idx_t n = 0;
  while (n < kChunkRows && state.next < scan.part->endLine) {
    size_t line = state.next++;
    const char* error = nullptr;
    if (batch.status[line] == Skipped) continue;
    if (batch.status[line] == Logged) {
      error = emitLogged(scan, state, out, n, batch.logs[scan.part == &batch.parts[0] ? 0 : 1]);
    } else {
      int32_t o = batch.overrideOf[line];
      if (o < 0) {
        error = "native ingest: no answer for a line the reader left to JS";
      } else if (batch.overrides[o].rejected) {
        continue;
      } else {
        error = emitOverride(scan, state, out, n, batch.overrides[o]);
      }
    }
    if (error) {
      duckdb_function_set_error(info, error);
      return;
    }
    n++;
  }
  scan.emitted += n;
  duckdb_data_chunk_set_size(output, n);
}

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

bool syncFile(const std::string& file) {
  int fd = open(file.c_str(), O_RDONLY);
  if (fd < 0) return false;
  bool ok = fsync(fd) == 0;
  close(fd);
  return ok;
}

// Pass 2 of one half, on its own connection and thread.
void writePart(duckdb_database db, Scan& scan, const std::string& name) {
  duckdb_connection conn;
  if (duckdb_connect(db, &conn) != DuckDBSuccess) {
    scan.error = "native ingest: cannot connect to DuckDB";
    return;
  }
  duckdb_table_function fn = duckdb_create_table_function();
  duckdb_table_function_set_name(fn, name.c_str());
  duckdb_table_function_set_extra_info(fn, &scan, nullptr);
  duckdb_table_function_set_bind(fn, bind);
  duckdb_table_function_set_init(fn, init);
  duckdb_table_function_set_local_init(fn, localInit);
  duckdb_table_function_set_function(fn, produce);
  if (duckdb_register_table_function(conn, fn) != DuckDBSuccess) scan.error = "native ingest: cannot register its table function";
  duckdb_destroy_table_function(&fn);
  if (scan.error.empty()) {
    // the store's Parquet settings (part-writer.ts writePartFile)
    std::string sql = "COPY (SELECT * FROM " + name + "()) TO " + quoted(scan.part->file) + " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)";
    duckdb_result result;
    if (duckdb_query(conn, sql.c_str(), &result) != DuckDBSuccess) scan.error = duckdb_result_error(&result);
    duckdb_destroy_result(&result);
  }
  // on disk before the ingest's manifest may name it (ingest-run.ts), and here, off the JS thread
  if (scan.error.empty() && !syncFile(scan.part->file)) scan.error = "native ingest: cannot fsync " + scan.part->file;
  duckdb_disconnect(&conn);
}

}  // namespace

bool writeParts(Batch& batch, Session& session, const std::string files[2], std::string& error) {
  int timestampColumn = -1;
  for (size_t c = 0; c < batch.columns.size(); c++) {
    const Column& column = batch.columns[c];
    bool numeric = column.type != DUCKDB_TYPE_VARCHAR && column.type != DUCKDB_TYPE_BOOLEAN && column.type != DUCKDB_TYPE_DOUBLE;
    if (column.name == "@timestamp" && !column.list && numeric) timestampColumn = static_cast<int>(c);
  }
  for (int k = 0; k < 2; k++) {
    Part& part = batch.parts[k];
    part.file = files[k];
    for (size_t c = 0; c < batch.columns.size(); c++)
      if (batch.present[k][c]) part.columns.push_back(static_cast<int>(c));
    std::sort(part.columns.begin(), part.columns.end(), [&](int a, int b) { return batch.columns[a].name < batch.columns[b].name; });
    // documents with no stored value at all get a placeholder column in stage.ts: left to it
    if (part.docCount > 0 && part.columns.empty()) {
      error = "documents without values";
      return false;
    }
    for (int c : part.columns) {
      const std::string& name = batch.columns[c].name;
      // a @timestamp of type double is summarised by stage.ts alone
      if (name == "@timestamp" && batch.columns[c].type == DUCKDB_TYPE_DOUBLE) {
        error = "a double @timestamp";
        return false;
      }
      // names sort by UTF-8 bytes here and by UTF-16 units in JS: alike but past the BMP
      for (unsigned char ch : name)
        if (ch >= 0xF0) {
          error = "a column name beyond the BMP";
          return false;
        }
    }
  }
  auto db = static_cast<duckdb_database>(session.database);
  std::string names[2];
  for (int k = 0; k < 2; k++) names[k] = "huntboard_part_" + std::to_string(session.writes) + "_" + std::to_string(k);
  session.writes++;
  Scan scans[2] = {{&batch, &batch.parts[0], timestampColumn, {}, 0}, {&batch, &batch.parts[1], timestampColumn, {}, 0}};
  std::thread second;
  if (batch.parts[1].docCount > 0) second = std::thread([&] { writePart(db, scans[1], names[1]); });
  if (batch.parts[0].docCount > 0) writePart(db, scans[0], names[0]);
  if (second.joinable()) second.join();
  for (auto& scan : scans) {
    // the part's row count is what pass 1 counted: a part that differs is a bug, never written
    if (scan.error.empty() && scan.emitted != scan.part->docCount) scan.error = "native ingest: a part's rows differ from its count";
    if (scan.error.empty()) continue;
    error = scan.error;
    return false;
  }
  return true;
}

}  // namespace hbparts
