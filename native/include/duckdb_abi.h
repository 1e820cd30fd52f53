// Huntboard's declarations of the part of DuckDB's C API the ingest addon calls, and no more.
//
// An ABI is a fact, not a text: the names, signatures, struct layouts and enum values below are
// DuckDB's, written here by hand so the repository holds no copy of DuckDB's header. Source of
// the facts: DuckDB's public C API, src/include/duckdb.h in github.com/duckdb/duckdb at tag
// v1.5.6, as the C prototypes listed in @duckdb/node-bindings 1.5.6-r.1's duckdb.d.ts (the
// package whose libduckdb.so the addon links) and the C API pages of duckdb.org/docs.
// lib/store/native/duckdb-abi.test.ts checks every prototype here against the installed
// package's list, so an upgrade that changes one is caught.
//
// The pin: declarations hold for the DuckDB minor version below. scripts/build-native.mjs will not
// build against another, and the addon reports both versions so lib/store/native/addon.ts can
// refuse a build whose library changed under it. Moving to a new minor version: re-check each
// declaration against that tag's header, then change the version here.
#pragma once

#include <stddef.h>
#include <stdint.h>

#define HUNTBOARD_DUCKDB_ABI_VERSION "1.5.6"

#ifdef __cplusplus
extern "C" {
#endif

typedef uint64_t idx_t;

// Return code of the calls that can fail.
typedef enum { DuckDBSuccess = 0, DuckDBError = 1 } duckdb_state;

// Type ids: only the column types the reader writes (DuckDB numbers every type; these are its values).
typedef enum {
  DUCKDB_TYPE_BOOLEAN = 1,
  DUCKDB_TYPE_INTEGER = 4,
  DUCKDB_TYPE_BIGINT = 5,
  DUCKDB_TYPE_UBIGINT = 9,
  DUCKDB_TYPE_DOUBLE = 11,
  DUCKDB_TYPE_VARCHAR = 17,
} duckdb_type;

// Handles: pointers DuckDB hands out and takes back; what they point to is DuckDB's business,
// so the pointees stay incomplete types here.
typedef struct hb_duckdb_database* duckdb_database;
typedef struct hb_duckdb_connection* duckdb_connection;
typedef struct hb_duckdb_config* duckdb_config;
typedef struct hb_duckdb_logical_type* duckdb_logical_type;
typedef struct hb_duckdb_data_chunk* duckdb_data_chunk;
typedef struct hb_duckdb_vector* duckdb_vector;
typedef struct hb_duckdb_table_function* duckdb_table_function;
typedef struct hb_duckdb_bind_info* duckdb_bind_info;
typedef struct hb_duckdb_init_info* duckdb_init_info;
typedef struct hb_duckdb_function_info* duckdb_function_info;

// A VARCHAR cell of a vector, 16 bytes: the length, then either up to 12 bytes in place or a
// 4-byte prefix and a pointer to the rest.
typedef struct {
  union {
    struct {
      uint32_t length;
      char prefix[4];
      char* ptr;
    } pointer;
    struct {
      uint32_t length;
      char inlined[12];
    } inlined;
  } value;
} duckdb_string_t;

// A LIST cell: where its items start in the child vector, and how many there are.
typedef struct {
  uint64_t offset;
  uint64_t length;
} duckdb_list_entry;

// A materialized result. The caller owns the storage (it lives on our stack), so the size and
// field order must be DuckDB's; the addon reads it only through duckdb_result_error.
typedef struct {
  idx_t deprecated_column_count;
  idx_t deprecated_row_count;
  idx_t deprecated_rows_changed;
  void* deprecated_columns;
  char* deprecated_error_message;
  void* internal_data;
} duckdb_result;

typedef void (*duckdb_delete_callback_t)(void* data);
typedef void (*duckdb_table_function_bind_t)(duckdb_bind_info info);
typedef void (*duckdb_table_function_init_t)(duckdb_init_info info);
typedef void (*duckdb_table_function_t)(duckdb_function_info info, duckdb_data_chunk output);

// The library, its databases and connections.
const char* duckdb_library_version(void);
void duckdb_free(void* ptr);
duckdb_state duckdb_create_config(duckdb_config* out_config);
duckdb_state duckdb_set_config(duckdb_config config, const char* name, const char* option);
void duckdb_destroy_config(duckdb_config* config);
duckdb_state duckdb_open_ext(const char* path, duckdb_database* out_database, duckdb_config config, char** out_error);
void duckdb_close(duckdb_database* database);
duckdb_state duckdb_connect(duckdb_database database, duckdb_connection* out_connection);
void duckdb_disconnect(duckdb_connection* connection);

// Running SQL.
duckdb_state duckdb_query(duckdb_connection connection, const char* query, duckdb_result* out_result);
const char* duckdb_result_error(duckdb_result* result);
void duckdb_destroy_result(duckdb_result* result);

// Column types.
duckdb_logical_type duckdb_create_logical_type(duckdb_type type);
duckdb_logical_type duckdb_create_list_type(duckdb_logical_type type);
void duckdb_destroy_logical_type(duckdb_logical_type* type);

// Table functions: the reader is one, and `COPY … TO parquet` selects from it.
duckdb_table_function duckdb_create_table_function(void);
void duckdb_destroy_table_function(duckdb_table_function* table_function);
void duckdb_table_function_set_name(duckdb_table_function table_function, const char* name);
void duckdb_table_function_set_extra_info(duckdb_table_function table_function, void* extra_info, duckdb_delete_callback_t destroy);
void duckdb_table_function_set_bind(duckdb_table_function table_function, duckdb_table_function_bind_t bind);
void duckdb_table_function_set_init(duckdb_table_function table_function, duckdb_table_function_init_t init);
void duckdb_table_function_set_local_init(duckdb_table_function table_function, duckdb_table_function_init_t init);
void duckdb_table_function_set_function(duckdb_table_function table_function, duckdb_table_function_t function);
duckdb_state duckdb_register_table_function(duckdb_connection con, duckdb_table_function function);
void* duckdb_bind_get_extra_info(duckdb_bind_info info);
void duckdb_bind_add_result_column(duckdb_bind_info info, const char* name, duckdb_logical_type type);
void* duckdb_init_get_extra_info(duckdb_init_info info);
void duckdb_init_set_init_data(duckdb_init_info info, void* init_data, duckdb_delete_callback_t destroy);
void duckdb_init_set_max_threads(duckdb_init_info info, idx_t max_threads);
void* duckdb_function_get_extra_info(duckdb_function_info info);
void* duckdb_function_get_local_init_data(duckdb_function_info info);
void duckdb_function_set_error(duckdb_function_info info, const char* error);

// Filling a chunk's vectors.
duckdb_vector duckdb_data_chunk_get_vector(duckdb_data_chunk chunk, idx_t col_idx);
void duckdb_data_chunk_set_size(duckdb_data_chunk chunk, idx_t size);
void* duckdb_vector_get_data(duckdb_vector vector);
uint64_t* duckdb_vector_get_validity(duckdb_vector vector);
void duckdb_vector_ensure_validity_writable(duckdb_vector vector);
void duckdb_vector_assign_string_element_len(duckdb_vector vector, idx_t index, const char* str, idx_t str_len);
duckdb_vector duckdb_list_vector_get_child(duckdb_vector vector);
duckdb_state duckdb_list_vector_reserve(duckdb_vector vector, idx_t required_capacity);
duckdb_state duckdb_list_vector_set_size(duckdb_vector vector, idx_t size);

#ifdef __cplusplus
}  // extern "C"

// Layouts the addon writes or allocates: a wrong one here would corrupt memory, not fail a link.
static_assert(sizeof(duckdb_string_t) == 16, "duckdb_string_t is 16 bytes");
static_assert(sizeof(duckdb_list_entry) == 16, "duckdb_list_entry is 16 bytes");
static_assert(sizeof(duckdb_result) == 3 * sizeof(idx_t) + 3 * sizeof(void*), "duckdb_result: three counts, three pointers");
static_assert(sizeof(duckdb_type) == sizeof(int), "duckdb_type passes as an int");
#endif
