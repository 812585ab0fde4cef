// Shared helpers: element types, shapes, ids, logging, recording nodes into the current computation.
#include "runtime.h"

#include <ODLA/odla_halo_types.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <mutex>

namespace odla_ref {
namespace {

std::atomic<_odla_computation*> g_current{nullptr};
std::atomic<odla_logging_func> g_logger{nullptr};
std::atomic<int> g_log_level{ODLA_LOG_LEVEL_ERROR};

}  // namespace

int64_t TensorType::Count() const {
  int64_t count = 1;
  for (int64_t d : dims) count *= d;
  return count;
}

size_t TensorType::Bytes() const {
  return (static_cast<size_t>(Count()) * static_cast<size_t>(ElementBits(element_type)) + 7) / 8;
}

void Fail(odla_status status, const std::string& message) { throw Error(status, message); }

int ElementBits(odla_element_type type) {
  switch (static_cast<int>(type)) {
    case ODLA_HALO_INT4: case ODLA_HALO_UINT4: case ODLA_HALO_FLOAT4E2M1: return 4;
    default: return static_cast<int>(ElementSize(type) * 8);
  }
}

size_t ElementSize(odla_element_type type) {
  switch (static_cast<int>(type)) {
    case ODLA_INT8: case ODLA_UINT8: case ODLA_QINT8: case ODLA_QUINT8: case ODLA_BOOL: return 1;
    case ODLA_INT16: case ODLA_UINT16: case ODLA_QINT16: case ODLA_QUINT16: case ODLA_FLOAT16: case ODLA_BFLOAT16:
      return 2;
    case ODLA_INT32: case ODLA_UINT32: case ODLA_QINT32: case ODLA_QUINT32: case ODLA_FLOAT32: return 4;
    case ODLA_INT64: case ODLA_UINT64: case ODLA_QINT64: case ODLA_QUINT64: case ODLA_FLOAT64: return 8;
    case ODLA_STRING: return sizeof(const char*);
    case ODLA_HALO_FLOAT8E4M3FN: case ODLA_HALO_FLOAT8E4M3FNUZ: case ODLA_HALO_FLOAT8E5M2: case ODLA_HALO_FLOAT8E5M2FNUZ:
      return 1;
    case ODLA_HALO_INT4: case ODLA_HALO_UINT4: case ODLA_HALO_FLOAT4E2M1:
      Fail(ODLA_UNSUPPORTED_DATATYPE, std::string("element type ") + TypeName(type) +
                                          " is packed two per byte: only copies, Cast and (De)Quantize accept it");
  }
  Fail(ODLA_UNSUPPORTED_DATATYPE, "unknown element type " + std::to_string(static_cast<int>(type)));
}

const char* TypeName(odla_element_type type) {
  static const char* const names[] = {"int8",   "int16",  "int32",   "int64",    "uint8",   "uint16",
                                      "uint32", "uint64", "qint8",   "qint16",   "qint32",  "qint64",
                                      "quint8", "quint16", "quint32", "quint64", "float16", "bfloat16",
                                      "float32", "float64", "bool",   "string"};
  // Halo's extension types (odla_halo_types.h), from ODLA_HALO_FLOAT8E4M3FN on.
  static const char* const halo_names[] = {"float8e4m3fn", "float8e4m3fnuz", "float8e5m2", "float8e5m2fnuz",
                                           "int4",         "uint4",          "float4e2m1"};
  int index = static_cast<int>(type);
  int halo = index - static_cast<int>(ODLA_HALO_FLOAT8E4M3FN);
  if (halo >= 0 && halo <= static_cast<int>(ODLA_HALO_FLOAT4E2M1) - static_cast<int>(ODLA_HALO_FLOAT8E4M3FN))
    return halo_names[halo];
  return index >= 0 && index <= static_cast<int>(ODLA_STRING) ? names[index] : "unknown";
}

std::string DimsToString(const Dims& dims) {
  std::string text = "[";
  for (size_t i = 0; i < dims.size(); ++i) text += (i ? "," : "") + std::to_string(dims[i]);
  return text + "]";
}

bool IsDefined(const odla_value_shape& shape) {
  if (shape.size < 0 || shape.size > ODLA_MAX_DIMENSION) return false;
  for (int i = 0; i < shape.size; ++i)
    if (shape.dims[i] < 0) return false;
  return true;
}

Dims DimsFromShape(const odla_value_shape& shape) {
  if (!IsDefined(shape))
    Fail(ODLA_INVALID_PARAM, "shape of rank " + std::to_string(shape.size) +
                                 " is not static (the reference runtime needs known dimensions)");
  return Dims(shape.dims, shape.dims + shape.size);
}

odla_value_shape ShapeFromDims(const Dims& dims) {
  odla_value_shape shape{};
  shape.size = static_cast<odla_int32>(dims.size());
  for (size_t i = 0; i < dims.size() && i < ODLA_MAX_DIMENSION; ++i) shape.dims[i] = dims[i];
  return shape;
}

Dims Strides(const Dims& dims) {
  Dims strides(dims.size(), 1);
  for (size_t i = dims.size(); i-- > 1;) strides[i - 1] = strides[i] * dims[i];
  return strides;
}

int64_t NormalizeAxis(int64_t axis, size_t rank, const char* op) {
  int64_t r = static_cast<int64_t>(rank);
  if (axis < -r || axis >= (r == 0 ? 1 : r))
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": axis " + std::to_string(axis) + " is out of range for rank " +
                                 std::to_string(rank));
  return axis < 0 ? axis + r : axis;
}

std::string IdKey(odla_value_id id) {
  if (id == nullptr) return std::string();
  uintptr_t bits = reinterpret_cast<uintptr_t>(id);
  // Ids emitted as integers (--emit-value-id-as-int) are small; names are real pointers.
  if (bits < 65536) return "#" + std::to_string(bits);
  return std::string(reinterpret_cast<const char*>(id));
}

void Log(odla_log_level level, const std::string& message) {
  if (static_cast<int>(level) > g_log_level.load() || level == ODLA_LOG_LEVEL_OFF) return;
  odla_logging_func logger = g_logger.load();
  if (logger != nullptr) {
    logger("odla_reference", 0, "", level, message.c_str());
  } else {
    std::fprintf(stderr, "[odla_reference] %s\n", message.c_str());
  }
}

_odla_computation* CurrentComputation() { return g_current.load(); }
void SetCurrentComputation(_odla_computation* computation) { g_current.store(computation); }
void ClearCurrentComputation(_odla_computation* computation) {
  _odla_computation* expected = computation;
  g_current.compare_exchange_strong(expected, nullptr);
}

odla_status RecordFailure(const Error& error) {
  Log(ODLA_LOG_LEVEL_ERROR, error.message());
  _odla_computation* comp = CurrentComputation();
  if (comp != nullptr && comp->error == ODLA_SUCCESS) {
    comp->error = error.status();
    comp->error_message = error.message();
  }
  return error.status();
}

odla_value CheckInput(odla_value value, const char* op, int index) {
  if (value == nullptr)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": operand " + std::to_string(index) +
                                 " is null (an earlier operator may have failed)");
  return value;
}

std::vector<odla_value> AddNode(const char* op, std::vector<odla_value> inputs,
                                const std::vector<TensorType>& output_types, const odla_value_ids* ids,
                                odla_value_id single_id, Kernel kernel) {
  _odla_computation* comp = CurrentComputation();
  if (comp == nullptr) Fail(ODLA_INVALID_PARAM, std::string(op) + ": no computation was created");
  for (size_t i = 0; i < inputs.size(); ++i) {
    CheckInput(inputs[i], op, static_cast<int>(i));
    if (inputs[i]->computation != comp)
      Fail(ODLA_INVALID_PARAM, std::string(op) + ": operand " + std::to_string(i) +
                                   " belongs to another computation");
    if (inputs[i]->kind == ValueKind::Constant && inputs[i]->constant_data.size() != inputs[i]->type.Bytes())
      Fail(ODLA_INVALID_PARAM, std::string(op) + ": operand '" + inputs[i]->id + "' was released");
  }
  Node node;
  node.op = op;
  node.inputs = std::move(inputs);
  for (size_t i = 0; i < output_types.size(); ++i) {
    odla_value_id id = single_id;
    if (ids != nullptr) id = i < ids->size ? ids->value_ids[i] : nullptr;
    node.outputs.push_back(comp->NewValue(ValueKind::Intermediate, output_types[i], id));
  }
  node.kernel = TakeFloatPromotion(std::move(kernel), node.inputs, output_types);
  comp->nodes.push_back(std::move(node));
  comp->version++;
  return comp->nodes.back().outputs;
}

odla_value AddNode1(const char* op, std::vector<odla_value> inputs, const TensorType& output_type,
                    odla_value_id id, Kernel kernel) {
  return AddNode(op, std::move(inputs), {output_type}, nullptr, id, std::move(kernel))[0];
}

Dims ResolveOutputDims(const Dims& inferred, const odla_value_shape& declared, const char* op) {
  if (!IsDefined(declared)) return inferred;
  Dims dims(declared.dims, declared.dims + declared.size);
  TensorType a{ODLA_FLOAT32, inferred}, b{ODLA_FLOAT32, dims};
  if (a.Count() != b.Count())
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": declared output shape " + DimsToString(dims) +
                                 " does not match the computed shape " + DimsToString(inferred));
  return dims;
}

odla_values EmptyValues() {
  odla_values values;
  std::memset(&values, 0, sizeof(values));
  return values;
}

odla_values ToValues(const std::vector<odla_value>& list) {
  odla_values values = EmptyValues();
  values.size = list.size();
  for (size_t i = 0; i < list.size() && i < ODLA_MAX_OUTPUTS; ++i) values.values[i] = list[i];
  return values;
}

}  // namespace odla_ref

odla_value _odla_computation::NewValue(odla_ref::ValueKind kind, const odla_ref::TensorType& type,
                                       odla_value_id id) {
  auto value = std::make_unique<_odla_value>();
  value->computation = this;
  value->index = values.size();
  value->kind = kind;
  value->type = type;
  value->id = odla_ref::IdKey(id);
  if (value->id.empty()) value->id = "%" + std::to_string(value->index);
  odla_value raw = value.get();
  values.push_back(std::move(value));
  by_id[raw->id] = raw;
  version++;
  return raw;
}

odla_value _odla_computation::Find(const std::string& key) const {
  auto it = by_id.find(key);
  return it == by_id.end() ? nullptr : it->second;
}

extern "C" {

odla_status odla_SetLogLevel(odla_log_level level) {
  odla_ref::g_log_level.store(static_cast<int>(level));
  return ODLA_SUCCESS;
}

odla_status odla_SetLogger(odla_logging_func logger) {
  odla_ref::g_logger.store(logger);
  return ODLA_SUCCESS;
}

odla_logging_func odla_GetLogger(void) { return odla_ref::g_logger.load(); }

const char* odla_GetVersionString(void) { return "Halo.NET ODLA reference runtime 0.1.0 (ODLA 0.5.0)"; }

}  // extern "C"
