// The addon's calls on plain buffers: countLines(bytes, max) and allocate(size).
#pragma once

#include <node_api.h>

void exportBufferCalls(napi_env env, napi_value exports);
