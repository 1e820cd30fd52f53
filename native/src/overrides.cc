// The JS path's rows for the lines the reader did not take, as JSON.stringify writes them
// (lib/store/native/ingest-batches.ts), parsed into the overrides pass 2 writes in their places.
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "json_text.h"
#include "parts.h"

namespace hbparts {

namespace {

struct RowParser {
  const char* p;
  const char* e;

  void ws() {
    while (p < e && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) p++;
  }

  // A lone surrogate becomes U+FFFD, as Node does when it hands such a JS string to DuckDB.
  bool string(std::string& out) {
    if (p >= e || *p != '"') return false;
    p++;
    out.clear();
    while (p < e && *p != '"') {
      if (*p != '\\') {
        out += *p++;
        continue;
      }
      if (++p >= e) return false;
      char c = *p++;
      switch (c) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          if (e - p < 4) return false;
          int u = linereader::hex4(p);
          if (u < 0) return false;
          p += 4;
          if (u >= 0xD800 && u <= 0xDBFF && e - p >= 6 && p[0] == '\\' && p[1] == 'u') {
            int lo = linereader::hex4(p + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
              p += 6;
              linereader::putUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
              break;
            }
          }
          linereader::putUtf8(out, (u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : static_cast<uint32_t>(u));
          break;
        }
        default:
          return false;
      }
    }
    if (p >= e) return false;
    p++;
    return true;
  }

  bool scalar(Scalar& out) {
    ws();
    if (p >= e) return false;
    if (*p == '"') {
      out.kind = Scalar::Str;
      return string(out.s);
    }
    if (e - p >= 4 && std::memcmp(p, "true", 4) == 0) {
      out.kind = Scalar::Bool;
      out.b = true;
      p += 4;
      return true;
    }
    if (e - p >= 5 && std::memcmp(p, "false", 5) == 0) {
      out.kind = Scalar::Bool;
      out.b = false;
      p += 5;
      return true;
    }
    const char* start = p;
    while (p < e && (std::strchr("+-.eE", *p) || (*p >= '0' && *p <= '9'))) p++;
    if (p == start) return false;
    std::string literal(start, p);
    char* end = nullptr;
    out.kind = Scalar::Num;
    out.d = std::strtod(literal.c_str(), &end);
    // kept for an unsigned_long: the JS path writes it as its exact digits, which a double would round
    out.s = literal;
    return end == literal.c_str() + literal.size() && std::isfinite(out.d);
  }
};


}  // namespace

bool addOverride(Batch& batch, uint32_t line, const char* rowJson, size_t length, const std::vector<std::pair<std::string, int>>& types, std::string& error) {
  if (line >= batch.lines.size()) {
    error = "override of an unknown line";
    return false;
  }
  Override item;
  int k = line >= batch.parts[1].firstLine ? 1 : 0;
  if (!rowJson) {
    item.rejected = true;
  } else {
    RowParser parser{rowJson, rowJson + length};
    parser.ws();
    if (parser.p >= parser.e || *parser.p++ != '{') {
      error = "row is not an object";
      return false;
    }
    parser.ws();
    std::string name;
    while (parser.p < parser.e && *parser.p != '}') {
      if (!parser.string(name)) {
        error = "bad row key";
        return false;
      }
      parser.ws();
      if (parser.p >= parser.e || *parser.p++ != ':') {
        error = "bad row";
        return false;
      }
      int column = -1;
      for (size_t c = 0; c < batch.columns.size(); c++) {
        if (batch.columns[c].name == name) {
          column = static_cast<int>(c);
          break;
        }
      }
      if (column < 0) {
        int type = -1;
        for (const auto& t : types)
          if (t.first == name) type = t.second;
        if (type < 0) {
          error = "no type for column " + name;
          return false;
        }
        bool list = name.size() > 3 && name.compare(name.size() - 3, 3, "#mv") == 0;
        batch.columns.push_back({name, type, list, -1});
        for (auto& present : batch.present) present.push_back(0);
        column = static_cast<int>(batch.columns.size() - 1);
      }
      OverrideCell cell{column, batch.columns[column].list, {}};
      parser.ws();
      bool array = parser.p < parser.e && *parser.p == '[';
      if (array) {
        parser.p++;
        parser.ws();
        while (parser.p < parser.e && *parser.p != ']') {
          Scalar s;
          if (!parser.scalar(s)) {
            error = "bad row value";
            return false;
          }
          cell.values.push_back(std::move(s));
          parser.ws();
          if (parser.p < parser.e && *parser.p == ',') parser.p++;
          parser.ws();
        }
        parser.p++;
      } else {
        Scalar s;
        if (!parser.scalar(s)) {
          error = "bad row value";
          return false;
        }
        cell.values.push_back(std::move(s));
      }
      if (array != cell.list) {
        error = "row value shape differs from its column";
        return false;
      }
      batch.present[k][column] = 1;
      item.cells.push_back(std::move(cell));
      parser.ws();
      if (parser.p < parser.e && *parser.p == ',') parser.p++;
      parser.ws();
    }
  }
  if (!item.rejected) batch.parts[k].docCount++;
  batch.overrideOf[line] = static_cast<int32_t>(batch.overrides.size());
  batch.overrides.push_back(std::move(item));
  return true;
}


}  // namespace hbparts
