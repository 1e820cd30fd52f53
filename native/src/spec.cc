// The Spec: FlatMapping serialised by the driver, read with a tiny JSON DOM (startup only, so
// simplicity beats speed here), and indexed by a hash of each full dotted path.
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>

#include "line_reader.h"
#include "lowercase_table.h"
#include "path_hash.h"

namespace linereader {

namespace {

struct Json {
  enum Type { Null, Bool, Num, Str, Arr, Obj } type = Null;
  bool b = false;
  double n = 0;
  std::string s;
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;
  const Json* get(const char* key) const {
    for (auto& m : members)
      if (m.first == key) return &m.second;
    return nullptr;
  }
};

struct DomParser {
  const char* p;
  const char* e;
  void ws() {
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
  }
  bool lit(const char* w) {
    size_t n = std::strlen(w);
    if (static_cast<size_t>(e - p) < n || std::memcmp(p, w, n) != 0) return false;
    p += n;
    return true;
  }
  // Spec strings are field names: escapes beyond \" and \\ are not expected, so refuse them.
  bool str(std::string& out) {
    if (p >= e || *p != '"') return false;
    p++;
    while (p < e && *p != '"') {
      if (*p == '\\') {
        if (++p >= e || (*p != '"' && *p != '\\' && *p != '/')) return false;
      }
      out += *p++;
    }
    if (p >= e) return false;
    p++;
    return true;
  }
  bool value(Json& v, int depth) {
    if (depth > 16) return false;
    ws();
    if (p >= e) return false;
    if (*p == '{') {
      v.type = Json::Obj;
      p++;
      ws();
      if (p < e && *p == '}') return ++p, true;
      for (;;) {
        ws();
        std::string key;
        if (!str(key)) return false;
        ws();
        if (p >= e || *p++ != ':') return false;
        v.members.emplace_back(std::move(key), Json());
        if (!value(v.members.back().second, depth + 1)) return false;
        ws();
        if (p < e && *p == ',') {
          p++;
          continue;
        }
        if (p < e && *p == '}') return ++p, true;
        return false;
      }
    }
    if (*p == '[') {
      v.type = Json::Arr;
      p++;
      ws();
      if (p < e && *p == ']') return ++p, true;
      for (;;) {
        v.items.emplace_back();
        if (!value(v.items.back(), depth + 1)) return false;
        ws();
        if (p < e && *p == ',') {
          p++;
          continue;
        }
        if (p < e && *p == ']') return ++p, true;
        return false;
      }
    }
    if (*p == '"') return v.type = Json::Str, str(v.s);
    if (lit("true")) return v.type = Json::Bool, v.b = true, true;
    if (lit("false")) return v.type = Json::Bool, v.b = false, true;
    if (lit("null")) return v.type = Json::Null, true;
    // numbers: a scaled_float's scalingFactor, written by JSON.stringify (so strtod reads it exactly)
    if (*p == '-' || (*p >= '0' && *p <= '9')) {
      const char* start = p;
      while (p < e && (*p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E' || (*p >= '0' && *p <= '9'))) p++;
      std::string text(start, p);
      char* end = nullptr;
      v.n = std::strtod(text.c_str(), &end);
      v.type = Json::Num;
      return end == text.c_str() + text.size();
    }
    return false;
  }
};

Kind kindOf(const std::string& t) {
  static const std::map<std::string, Kind> KINDS = {
      {"keyword", Kind::Keyword}, {"constant_keyword", Kind::Keyword}, {"wildcard", Kind::Keyword},
      {"version", Kind::Keyword}, {"text", Kind::Text},                {"match_only_text", Kind::Text},
      {"long", Kind::Long},       {"integer", Kind::Integer},          {"short", Kind::Short},
      {"byte", Kind::Byte},       {"unsigned_long", Kind::UnsignedLong}, {"double", Kind::Double},
      {"float", Kind::Double},    {"half_float", Kind::Double},        {"scaled_float", Kind::Double},
      {"boolean", Kind::Boolean}, {"ip", Kind::Ip},                    {"date", Kind::Date},
  };
  auto it = KINDS.find(t);
  return it == KINDS.end() ? Kind::None : it->second;
}

// Leaves first: a path that is both a leaf and an object prefix behaves as the leaf (byName wins).
bool insert(Spec& spec, const std::string& path, int field) {
  uint64_t h = pathHash(kHashSeed, path.data(), path.size());
  for (uint64_t slot = spec.slot(h);; slot = (slot + 1) & spec.mask) {
    int32_t at = spec.table[slot].entry;
    if (at < 0) {
      spec.table[slot] = Spec::Slot{h, static_cast<int32_t>(spec.entries.size())};
      spec.entries.push_back(PathEntry{h, field, -1, path});
      return true;
    }
    if (spec.entries[at].hash == h && spec.entries[at].path == path) return false;
  }
}

int find(const Spec& spec, const std::string& path) {
  uint64_t h = pathHash(kHashSeed, path.data(), path.size());
  for (uint64_t slot = spec.slot(h);; slot = (slot + 1) & spec.mask) {
    int32_t at = spec.table[slot].entry;
    if (at < 0) return -1;
    if (spec.entries[at].hash == h && spec.entries[at].path == path) return at;
  }
}

}  // namespace

bool parseSpec(std::string_view json, Spec& out, std::string& error) {
  DomParser dp{json.data(), json.data() + json.size()};
  Json root;
  if (!dp.value(root, 0) || root.type != Json::Obj) return error = "spec is not a JSON object", false;
  const Json* dyn = root.get("dynamic");
  const Json* objects = root.get("objects");
  const Json* fields = root.get("fields");
  if (!dyn || dyn->type != Json::Bool || !objects || objects->type != Json::Arr || !fields || fields->type != Json::Arr) {
    return error = "spec needs dynamic, objects and fields", false;
  }
  out = Spec();
  out.dynamic = dyn->b;
  const Json* unicode = root.get("unicode");
  const bool tableMatches = unicode && unicode->type == Json::Str && unicode->s == kLowerTableUnicode;
  std::map<std::string, int> byName;
  for (const Json& f : fields->items) {
    const Json* name = f.get("name");
    const Json* type = f.get("type");
    if (!name || name->type != Json::Str || !type || type->type != Json::Str) return error = "field needs name and type", false;
    Field field;
    field.name = name->s;
    field.type = type->s;
    field.kind = kindOf(type->s);
    if (type->s == "float") field.precision = Precision::Float;
    if (type->s == "half_float") field.precision = Precision::HalfFloat;
    const Json* scaling = f.get("scalingFactor");
    if (type->s == "scaled_float" && scaling) {
      if (scaling->type != Json::Num || !std::isfinite(scaling->n) || scaling->n <= 0) return error = "bad scalingFactor of " + field.name, false;
      field.precision = Precision::Scaled;
      field.scalingFactor = scaling->n;
    }
    const Json* norm = f.get("normalizer");
    field.lowercase = norm && norm->type == Json::Str && norm->s == "lowercase";
    field.unicodeLowercase = tableMatches;
    const Json* parent = f.get("parent");
    if (parent && parent->type == Json::Str) {
      auto it = byName.find(parent->s);
      if (it == byName.end()) return error = "multi-field before its parent: " + field.name, false;
      field.parent = it->second;
    }
    if (byName.count(field.name)) return error = "duplicate field " + field.name, false;
    byName[field.name] = static_cast<int>(out.fields.size());
    out.fields.push_back(std::move(field));
  }
  for (size_t i = 0; i < out.fields.size(); i++)
    if (out.fields[i].parent >= 0) out.fields[out.fields[i].parent].children.push_back(static_cast<int>(i));
  // Every proper prefix of a path is an entry too (flattenMapping lists them as objects; any it does
  // not, such as inside a dotted multi-field name, become object paths: refusing, never wrong), so
  // the parser can match a key by its parent entry instead of comparing whole paths.
  std::vector<std::string> objectPaths;
  for (const Json& o : objects->items) {
    if (o.type != Json::Str) return error = "objects must be strings", false;
    objectPaths.push_back(o.s);
  }
  size_t named = objectPaths.size();
  for (size_t i = 0; i < out.fields.size() + named; i++) {
    const std::string& path = i < out.fields.size() ? out.fields[i].name : objectPaths[i - out.fields.size()];
    for (size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', dot + 1)) objectPaths.push_back(path.substr(0, dot));
  }
  // A template (ECS for logs-* indices) maps its paths on first sight: a value there grows the
  // mapping, which is the JS path's job. Its multi-fields behave as unknown paths, as in collectValue.
  std::vector<std::string> templatePaths;
  if (const Json* tpl = root.get("template")) {
    const Json* tObjects = tpl->get("objects");
    const Json* tFields = tpl->get("fields");
    if (!tObjects || tObjects->type != Json::Arr || !tFields || tFields->type != Json::Arr) return error = "bad template", false;
    for (const Json& o : tObjects->items) templatePaths.push_back(o.s);
    for (const Json& f : tFields->items) {
      const Json* name = f.get("name");
      if (!name || name->type != Json::Str) return error = "template field needs a name", false;
      if (!f.get("parent")) templatePaths.push_back(name->s);
    }
  }
  size_t templated = templatePaths.size();
  for (size_t i = 0; i < templated; i++) {
    const std::string& path = templatePaths[i];
    for (size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', dot + 1)) objectPaths.push_back(path.substr(0, dot));
  }
  size_t want = (out.fields.size() + objectPaths.size() + templated) * 2 + 16, cap = 16;
  while (cap < want) cap <<= 1;
  out.table.assign(cap, Spec::Slot{0, -1});
  out.mask = cap - 1;
  out.shift = 64 - __builtin_ctzll(cap);
  for (size_t i = 0; i < out.fields.size(); i++) insert(out, out.fields[i].name, static_cast<int>(i));
  for (size_t i = 0; i < named; i++) insert(out, objectPaths[i], -1);
  for (const std::string& t : templatePaths) insert(out, t, kTemplatePath);
  for (size_t i = named; i < objectPaths.size(); i++) insert(out, objectPaths[i], -1);
  for (PathEntry& pe : out.entries) {
    size_t dot = pe.path.rfind('.');
    pe.parent = dot == std::string::npos ? -1 : find(out, pe.path.substr(0, dot));
  }
  return true;
}

}  // namespace linereader
