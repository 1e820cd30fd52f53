// store() of documents.ts: a line's collected raw values → coerced, ordered columns of the Row.
#pragma once

#include "line_reader.h"

namespace linereader {

// Fills row.columns/values from row.touched/raws; a reason when unsure (nullptr when done).
const char* storeRow(const Spec& spec, Row& row);

}  // namespace linereader
