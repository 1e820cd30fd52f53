// Small N-API helpers: values in and out, without the status checks a caller would ignore anyway.
#pragma once

#include <node_api.h>

#include <string>

namespace napivalues {

inline std::string stringOf(napi_env env, napi_value v) {
  size_t len = 0;
  napi_get_value_string_utf8(env, v, nullptr, 0, &len);
  std::string s(len, '\0');
  napi_get_value_string_utf8(env, v, s.data(), len + 1, &len);
  return s;
}

inline napi_value named(napi_env env, napi_value object, const char* name) {
  napi_value v;
  napi_get_named_property(env, object, name, &v);
  return v;
}

inline napi_value element(napi_env env, napi_value array, uint32_t i) {
  napi_value v;
  napi_get_element(env, array, i, &v);
  return v;
}

inline uint32_t lengthOf(napi_env env, napi_value array) {
  uint32_t n = 0;
  napi_get_array_length(env, array, &n);
  return n;
}

inline napi_value num(napi_env env, double d) {
  napi_value v;
  napi_create_double(env, d, &v);
  return v;
}

inline napi_value str(napi_env env, const std::string& s) {
  napi_value v;
  napi_create_string_utf8(env, s.data(), s.size(), &v);
  return v;
}

// The one argument of a call taking an external, or nullptr with a TypeError naming `usage`.
inline void* externalArgument(napi_env env, napi_callback_info info, const char* usage) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  void* data = nullptr;
  if (argc < 1 || napi_get_value_external(env, argv[0], &data) != napi_ok) {
    napi_throw_type_error(env, nullptr, usage);
    return nullptr;
  }
  return data;
}

inline void exportFunction(napi_env env, napi_value exports, const char* name, napi_callback fn) {
  napi_value f;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, fn, nullptr, &f);
  napi_set_named_property(env, exports, name, f);
}

}  // namespace napivalues
