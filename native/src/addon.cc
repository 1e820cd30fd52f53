// Node binding of the native ingest, both steps off the JS thread:
//   survey(session, lines: Buffer, lineCount, spec: string, split, fromText: boolean) → { batch, untakeable: number[] } | { whole: why }
//   write(session, batch, lines: number[], rows: (string | null)[], types: [column, type][],
//         files: [string, string]) → { parts: PartInfo-like[] } | { error }
//   open(settings) → session; close(session);
//   release(batch): a surveyed batch that will not be written; countLines, allocate: buffers.h
//   duckdbVersion: { builtFor, linked }: the DuckDB the declarations of duckdb_abi.h hold for, and
//   the library loaded now (addon.ts refuses the addon when their minor versions differ)
#include <node_api.h>

#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "duckdb_abi.h"
#include "buffers.h"
#include "napi_values.h"
#include "parts.h"

namespace {

using napivalues::element;
using napivalues::lengthOf;
using napivalues::named;
using napivalues::num;
using napivalues::str;
using napivalues::stringOf;

// The batch and the Buffer its lines live in, kept alive by a JS external until collected; its
// rows wait in one of its session's log sets from survey to write.
struct Held {
  hbparts::Batch batch;
  napi_ref buffer = nullptr;
  hbparts::Session* session = nullptr;
  napi_ref sessionRef = nullptr;
  bool holdsLogs = false;
  void releaseLogs() {
    if (holdsLogs) hbparts::releaseLogSet(*session, this);
    holdsLogs = false;
  }
};

struct Call {
  napi_async_work work = nullptr;
  napi_deferred deferred = nullptr;
  Held* held = nullptr;
  napi_ref heldRef = nullptr;  // the external, for write
  bool surveying = true;
  // survey
  size_t expectedLines = 0;
  bool split = true;
  bool fromText = true;
  std::string specJson;
  // write
  std::vector<uint32_t> lines;
  std::vector<std::unique_ptr<std::string>> rows;
  std::vector<std::pair<std::string, int>> types;
  std::string files[2];
  hbparts::Session* session = nullptr;
  napi_ref sessionRef = nullptr;
  // outcome
  bool ok = true;
  std::string message;
};

int duckdbType(const std::string& name) {
  if (name == "VARCHAR") return DUCKDB_TYPE_VARCHAR;
  if (name == "BIGINT") return DUCKDB_TYPE_BIGINT;
  if (name == "INTEGER") return DUCKDB_TYPE_INTEGER;
  if (name == "DOUBLE") return DUCKDB_TYPE_DOUBLE;
  if (name == "UBIGINT") return DUCKDB_TYPE_UBIGINT;
  if (name == "BOOLEAN") return DUCKDB_TYPE_BOOLEAN;
  return -1;
}

void execute(napi_env, void* data) {
  auto* call = static_cast<Call*>(data);
  hbparts::Batch& batch = call->held->batch;
  if (call->surveying) {
    if (!linereader::parseSpec(call->specJson, batch.spec, call->message)) {
      call->ok = false;
      call->message = "native ingest: bad mapping spec: " + call->message;
      return;
    }
    call->ok = hbparts::survey(batch, call->expectedLines, call->split, call->fromText, call->message);
    return;
  }
  for (size_t i = 0; i < call->lines.size() && call->ok; i++) {
    const std::string* row = call->rows[i].get();
    call->ok = hbparts::addOverride(batch, call->lines[i], row ? row->data() : nullptr, row ? row->size() : 0, call->types, call->message);
  }
  if (call->ok) call->ok = hbparts::writeParts(batch, *call->session, call->files, call->message);
}

napi_value partObject(napi_env env, const hbparts::Batch& batch, const hbparts::Part& part) {
  napi_value o, nul, columns, multiValued;
  napi_create_object(env, &o);
  napi_get_null(env, &nul);
  napi_set_named_property(env, o, "file", str(env, part.file));
  napi_set_named_property(env, o, "docCount", num(env, static_cast<double>(part.docCount)));
  napi_set_named_property(env, o, "minTimestamp", part.hasTimestamp ? num(env, static_cast<double>(part.minTimestamp)) : nul);
  napi_set_named_property(env, o, "maxTimestamp", part.hasTimestamp ? num(env, static_cast<double>(part.maxTimestamp)) : nul);
  napi_create_array(env, &columns);
  napi_create_array(env, &multiValued);
  uint32_t m = 0;
  for (size_t i = 0; i < part.columns.size(); i++) {
    const hbparts::Column& c = batch.columns[part.columns[i]];
    napi_set_element(env, columns, static_cast<uint32_t>(i), str(env, c.name));
    if (c.list) napi_set_element(env, multiValued, m++, str(env, c.name.substr(0, c.name.size() - 3)));
  }
  napi_set_named_property(env, o, "columns", columns);
  napi_set_named_property(env, o, "multiValued", multiValued);
  return o;
}

void complete(napi_env env, napi_status, void* data) {
  auto* call = static_cast<Call*>(data);
  const hbparts::Batch& batch = call->held->batch;
  napi_value result, external;
  napi_create_object(env, &result);
  if (!call->ok) {
    napi_set_named_property(env, result, call->surveying ? "whole" : "error", str(env, call->message));
  } else if (call->surveying) {
    napi_get_reference_value(env, call->heldRef, &external);
    napi_set_named_property(env, result, "batch", external);
    napi_value untakeable;
    napi_create_array_with_length(env, batch.untakeable.size(), &untakeable);
    for (size_t i = 0; i < batch.untakeable.size(); i++) napi_set_element(env, untakeable, static_cast<uint32_t>(i), num(env, batch.untakeable[i]));
    napi_set_named_property(env, result, "untakeable", untakeable);
  } else {
    napi_value parts;
    napi_create_array(env, &parts);
    uint32_t n = 0;
    for (const auto& part : batch.parts)
      if (part.docCount > 0) napi_set_element(env, parts, n++, partObject(env, batch, part));
    napi_set_named_property(env, result, "parts", parts);
  }
  // a refused batch, or a written one, is done with its rows
  if (!call->surveying || !call->ok) call->held->releaseLogs();
  napi_resolve_deferred(env, call->deferred, result);
  napi_delete_reference(env, call->heldRef);
  if (call->sessionRef) napi_delete_reference(env, call->sessionRef);
  napi_delete_async_work(env, call->work);
  delete call;
}

napi_value queue(napi_env env, Call* call) {
  napi_value promise, name;
  napi_create_promise(env, &call->deferred, &promise);
  napi_create_string_utf8(env, "huntboard.ingest", NAPI_AUTO_LENGTH, &name);
  napi_create_async_work(env, nullptr, name, execute, complete, call, &call->work);
  napi_queue_async_work(env, call->work);
  return promise;
}

napi_value Survey(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  void* bytes = nullptr;
  size_t size = 0;
  void* sessionData = nullptr;
  if (argc < 6 || napi_get_value_external(env, argv[0], &sessionData) != napi_ok || napi_get_buffer_info(env, argv[1], &bytes, &size) != napi_ok) {
    napi_throw_type_error(env, nullptr, "survey(session, lines: Buffer, lineCount: number, spec: string, split: boolean, fromText: boolean)");
    return nullptr;
  }
  auto* session = static_cast<hbparts::Session*>(sessionData);
  if (!session->database) {
    napi_throw_error(env, nullptr, "survey: the session is closed");
    return nullptr;
  }
  auto* held = new Held();
  hbparts::LogSet* logs = hbparts::takeLogSet(*session, held);
  if (!logs) {
    delete held;
    napi_throw_error(env, nullptr, "survey: two batches of the session already wait to be written");
    return nullptr;
  }
  held->holdsLogs = true;
  held->session = session;
  held->batch.logs = logs->halves;
  held->batch.data = static_cast<const char*>(bytes);
  held->batch.size = size;
  napi_create_reference(env, argv[1], 1, &held->buffer);
  napi_create_reference(env, argv[0], 1, &held->sessionRef);
  napi_value external;
  napi_create_external(
      env, held,
      [](napi_env e, void* data, void*) {
        auto* h = static_cast<Held*>(data);
        h->releaseLogs();
        napi_delete_reference(e, h->buffer);
        napi_delete_reference(e, h->sessionRef);
        delete h;
      },
      nullptr, &external);
  auto* call = new Call();
  call->held = held;
  napi_create_reference(env, external, 1, &call->heldRef);
  napi_create_reference(env, argv[0], 1, &call->sessionRef);
  double lineCount = 0;
  napi_get_value_double(env, argv[2], &lineCount);
  call->expectedLines = static_cast<size_t>(lineCount);
  call->specJson = stringOf(env, argv[3]);
  napi_get_value_bool(env, argv[4], &call->split);
  napi_get_value_bool(env, argv[5], &call->fromText);
  return queue(env, call);
}

napi_value Write(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  void* held = nullptr;
  void* session = nullptr;
  if (argc < 6 || napi_get_value_external(env, argv[0], &session) != napi_ok || napi_get_value_external(env, argv[1], &held) != napi_ok) {
    napi_throw_type_error(env, nullptr, "write(session, batch, lines, rows, types, files)");
    return nullptr;
  }
  auto* call = new Call();
  call->surveying = false;
  call->session = static_cast<hbparts::Session*>(session);
  if (!call->session->database) {
    delete call;
    napi_throw_error(env, nullptr, "write: the session is closed");
    return nullptr;
  }
  call->held = static_cast<Held*>(held);
  if (!call->held->holdsLogs || call->held->session != call->session) {
    delete call;
    napi_throw_error(env, nullptr, "write: the batch was written already, refused, or surveyed in another session");
    return nullptr;
  }
  napi_create_reference(env, argv[0], 1, &call->sessionRef);
  napi_create_reference(env, argv[1], 1, &call->heldRef);
  for (uint32_t i = 0, n = lengthOf(env, argv[2]); i < n; i++) {
    double line = 0;
    napi_get_value_double(env, element(env, argv[2], i), &line);
    call->lines.push_back(static_cast<uint32_t>(line));
    napi_value row = element(env, argv[3], i);
    napi_valuetype t;
    napi_typeof(env, row, &t);
    call->rows.push_back(t == napi_string ? std::make_unique<std::string>(stringOf(env, row)) : nullptr);
  }
  for (uint32_t i = 0, n = lengthOf(env, argv[4]); i < n; i++) {
    napi_value pair = element(env, argv[4], i);
    call->types.emplace_back(stringOf(env, element(env, pair, 0)), duckdbType(stringOf(env, element(env, pair, 1))));
  }
  for (uint32_t i = 0; i < 2; i++) call->files[i] = stringOf(env, element(env, argv[5], i));
  return queue(env, call);
}

// open(settings) → session: the DuckDB database of one ingest. close(session) ends it; so does
// collecting it. Never closed while a write runs: each write holds a reference to its session.
napi_value Open(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  hbparts::Settings settings;
  settings.memoryLimit = stringOf(env, named(env, argv[0], "memoryLimit"));
  settings.tempDirectory = stringOf(env, named(env, argv[0], "tempDirectory"));
  auto* session = new hbparts::Session();
  std::string error;
  if (!hbparts::openSession(settings, *session, error)) {
    delete session;
    napi_throw_error(env, nullptr, error.c_str());
    return nullptr;
  }
  napi_value external;
  napi_create_external(
      env, session,
      [](napi_env, void* data, void*) {
        auto* s = static_cast<hbparts::Session*>(data);
        hbparts::closeSession(*s);
        delete s;
      },
      nullptr, &external);
  return external;
}

napi_value Close(napi_env env, napi_callback_info info) {
  if (void* session = napivalues::externalArgument(env, info, "close(session)")) hbparts::closeSession(*static_cast<hbparts::Session*>(session));
  return nullptr;
}

// release(batch): a surveyed batch that will not be written gives its log set back at once.
napi_value Release(napi_env env, napi_callback_info info) {
  if (void* held = napivalues::externalArgument(env, info, "release(batch)")) static_cast<Held*>(held)->releaseLogs();
  return nullptr;
}

}  // namespace

NAPI_MODULE_INIT() {
  napivalues::exportFunction(env, exports, "survey", Survey);
  napivalues::exportFunction(env, exports, "write", Write);
  napivalues::exportFunction(env, exports, "release", Release);
  napivalues::exportFunction(env, exports, "open", Open);
  napivalues::exportFunction(env, exports, "close", Close);
  exportBufferCalls(env, exports);
  napi_value versions;
  napi_create_object(env, &versions);
  napi_set_named_property(env, versions, "builtFor", str(env, HUNTBOARD_DUCKDB_ABI_VERSION));
  napi_set_named_property(env, versions, "linked", str(env, duckdb_library_version()));
  napi_set_named_property(env, exports, "duckdbVersion", versions);
  return exports;
}
