{
  "variables": {
    "duckdb_lib_dir": "<!(node -p \"require('path').dirname(require.resolve('@duckdb/node-bindings-' + process.platform + '-' + process.arch + '/package.json'))\")"
  },
  "targets": [
    {
      "target_name": "huntboard_ingest",
      "sources": ["src/addon.cc", "src/buffers.cc", "src/coerce.cc", "src/dates.cc", "src/ip.cc", "src/line_reader.cc", "src/overrides.cc", "src/parts.cc", "src/session.cc", "src/spec.cc", "src/store.cc", "src/survey.cc"],
      "include_dirs": ["include", "src"],
      "cflags_cc": ["-O2", "-std=c++17", "-Wall", "-Wextra"],
      "cflags_cc!": ["-fno-exceptions", "-std=gnu++17"],
      "libraries": ["-L<(duckdb_lib_dir)", "-lduckdb", "-Wl,-rpath,<(duckdb_lib_dir)"]
    }
  ]
}
