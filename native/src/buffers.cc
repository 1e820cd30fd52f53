#include "buffers.h"

#include <cstdint>
#include <cstring>

#include "big_memory.h"
#include "napi_values.h"

namespace {

// countLines(bytes: Buffer, max: number) → [lines, end]: '\n's up to `max`, and the offset of
// the last one counted (-1 if none). Synchronous: it runs at memchr speed.
napi_value CountLines(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  void* bytes = nullptr;
  size_t size = 0;
  double max = 0;
  if (argc < 2 || napi_get_buffer_info(env, argv[0], &bytes, &size) != napi_ok || napi_get_value_double(env, argv[1], &max) != napi_ok) {
    napi_throw_type_error(env, nullptr, "countLines(bytes: Buffer, max: number)");
    return nullptr;
  }
  const char* data = static_cast<const char*>(bytes);
  double count = 0;
  double last = -1;
  for (size_t at = 0; count < max && at < size;) {
    const void* nl = std::memchr(data + at, '\n', size - at);
    if (!nl) break;
    last = static_cast<double>(static_cast<const char*>(nl) - data);
    count++;
    at = static_cast<size_t>(last) + 1;
  }
  napi_value result;
  napi_create_array_with_length(env, 2, &result);
  napi_set_element(env, result, 0, napivalues::num(env, count));
  napi_set_element(env, result, 1, napivalues::num(env, last));
  return result;
}

// allocate(size) → Buffer: a batch's room, from the kernel in huge pages where it has them
// (big_memory.h), given back when the Buffer is collected.
napi_value Allocate(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  double size = 0;
  if (argc < 1 || napi_get_value_double(env, argv[0], &size) != napi_ok || !(size >= 0 && size <= 4294967295.0)) {
    napi_throw_type_error(env, nullptr, "allocate(size: number up to 4 GiB)");
    return nullptr;
  }
  auto bytes = static_cast<size_t>(size);
  void* block = bigmem::allocate(bytes);
  if (!block) {
    napi_throw_error(env, nullptr, "allocate: out of memory");
    return nullptr;
  }
  napi_value buffer;
  napi_status status = napi_create_external_buffer(
      env, bytes, block,
      [](napi_env e, void* data, void* hint) {
        auto size = reinterpret_cast<size_t>(hint);
        bigmem::release(data, size);
        int64_t total;
        napi_adjust_external_memory(e, -static_cast<int64_t>(size), &total);
      },
      reinterpret_cast<void*>(bytes), &buffer);
  if (status != napi_ok) {
    bigmem::release(block, bytes);
    napi_throw_error(env, nullptr, "allocate: external buffers are not allowed here");
    return nullptr;
  }
  // counted as the JS heap's: a collection is due sooner when such buffers pile up
  int64_t total;
  napi_adjust_external_memory(env, static_cast<int64_t>(bytes), &total);
  return buffer;
}

}  // namespace

void exportBufferCalls(napi_env env, napi_value exports) {
  napivalues::exportFunction(env, exports, "countLines", CountLines);
  napivalues::exportFunction(env, exports, "allocate", Allocate);
}
