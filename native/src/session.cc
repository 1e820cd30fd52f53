// The session of one ingest: the DuckDB database its parts are written with, and the two log sets
// its batches' rows wait in between the passes.
#include "duckdb_abi.h"
#include "parts.h"

namespace hbparts {

namespace {

bool openDatabase(const Settings& settings, duckdb_database& db, std::string& error) {
  duckdb_config config;
  if (duckdb_create_config(&config) != DuckDBSuccess) {
    error = "native ingest: cannot configure DuckDB";
    return false;
  }
  // each part's COPY runs on the thread that calls it: worker threads would only spin
  duckdb_set_config(config, "threads", "1");
  if (!settings.memoryLimit.empty()) duckdb_set_config(config, "memory_limit", settings.memoryLimit.c_str());
  if (!settings.tempDirectory.empty()) duckdb_set_config(config, "temp_directory", settings.tempDirectory.c_str());
  char* message = nullptr;
  bool ok = duckdb_open_ext(nullptr, &db, config, &message) == DuckDBSuccess;
  if (!ok) error = message ? message : "native ingest: cannot open DuckDB";
  if (message) duckdb_free(message);
  duckdb_destroy_config(&config);
  return ok;
}

}  // namespace

LogSet* takeLogSet(Session& session, const void* holder) {
  for (auto& set : session.logSets) {
    if (set.holder) continue;
    set.holder = holder;
    return &set;
  }
  return nullptr;
}

void releaseLogSet(Session& session, const void* holder) {
  for (auto& set : session.logSets)
    if (set.holder == holder) set.holder = nullptr;
}

bool openSession(const Settings& settings, Session& session, std::string& error) {
  duckdb_database db;
  if (!openDatabase(settings, db, error)) return false;
  session.database = db;
  return true;
}

void closeSession(Session& session) {
  if (!session.database) return;
  auto db = static_cast<duckdb_database>(session.database);
  duckdb_close(&db);
  session.database = nullptr;
}

}  // namespace hbparts
