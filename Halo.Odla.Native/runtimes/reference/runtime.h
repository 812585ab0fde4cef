// Core data structures of the Halo.NET ODLA reference runtime: values, recorded operator nodes,
// computations, contexts, errors and element-type helpers.
#ifndef HALO_ODLA_REFERENCE_RUNTIME_H_
#define HALO_ODLA_REFERENCE_RUNTIME_H_

#include <ODLA/odla.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace odla_ref {

using Dims = std::vector<int64_t>;

// An element type and a static shape.
struct TensorType {
  odla_element_type element_type = ODLA_FLOAT32;
  Dims dims;
  int64_t Count() const;
  size_t Bytes() const;
};

// Errors inside the runtime are exceptions; every exported function converts them into a status.
class Error {
 public:
  Error(odla_status status, std::string message) : status_(status), message_(std::move(message)) {}
  odla_status status() const { return status_; }
  const std::string& message() const { return message_; }

 private:
  odla_status status_;
  std::string message_;
};

[[noreturn]] void Fail(odla_status status, const std::string& message);
// Bits per element: 4 for the packed types of odla_halo_types.h (two per byte), else 8 * ElementSize.
int ElementBits(odla_element_type type);
// Bytes per element; fails for packed 4-bit types, which no kernel can address one byte per element.
size_t ElementSize(odla_element_type type);
const char* TypeName(odla_element_type type);
std::string DimsToString(const Dims& dims);
Dims DimsFromShape(const odla_value_shape& shape);
bool IsDefined(const odla_value_shape& shape);
odla_value_shape ShapeFromDims(const Dims& dims);
// Row-major strides of dims (in elements).
Dims Strides(const Dims& dims);
// Normalizes a possibly negative axis against rank; fails for out-of-range axes.
int64_t NormalizeAxis(int64_t axis, size_t rank, const char* op);
// The id's text: a name, "#n" for a small integer cast to a pointer, or "" for NULL.
std::string IdKey(odla_value_id id);
// Reports a message through the logger (or stderr when none is set and the level allows).
void Log(odla_log_level level, const std::string& message);

// Kernel: reads the inputs, writes the outputs; buffers are sized from the node's value types.
using Kernel = std::function<void(const std::vector<const void*>& inputs, const std::vector<void*>& outputs)>;

struct Node {
  std::string op;
  std::vector<odla_value> inputs;
  std::vector<odla_value> outputs;
  Kernel kernel;
};

enum class ValueKind { Argument, Constant, Intermediate };

}  // namespace odla_ref

struct _odla_value {
  _odla_computation* computation = nullptr;
  size_t index = 0;
  odla_ref::ValueKind kind = odla_ref::ValueKind::Intermediate;
  odla_ref::TensorType type;
  std::string id;
  std::vector<unsigned char> constant_data;
  bool is_output = false;
};

struct _odla_computation {
  std::vector<std::unique_ptr<_odla_value>> values;
  std::vector<odla_ref::Node> nodes;
  std::vector<odla_value> arguments;
  std::vector<odla_value> outputs;
  std::unordered_map<std::string, odla_value> by_id;
  // The first error met while recording; ExecuteComputation reports it.
  odla_status error = ODLA_SUCCESS;
  std::string error_message;
  // Bumped on each change, so that contexts rebuild their execution plan.
  uint64_t version = 0;

  odla_value NewValue(odla_ref::ValueKind kind, const odla_ref::TensorType& type, odla_value_id id);
  odla_value Find(const std::string& key) const;
};

struct _odla_context {
  std::unordered_map<odla_value, const void*> argument_buffers;
  std::unordered_map<std::string, const void*> argument_buffers_by_id;
  std::unordered_map<odla_value, void*> output_buffers;
  std::unordered_map<std::string, void*> output_buffers_by_id;
  // Execution plan cached for one computation version: value index -> slot, and the slots.
  const _odla_computation* planned_for = nullptr;
  uint64_t planned_version = 0;
  std::vector<int> slot_of_value;
  std::vector<std::vector<unsigned char>> slots;
};

namespace odla_ref {

// The computation that new values and operators are recorded into (the last one created).
_odla_computation* CurrentComputation();
void SetCurrentComputation(_odla_computation* computation);
// Forgets computation if it is the current one (it is being destroyed).
void ClearCurrentComputation(_odla_computation* computation);

// Records a failure on the current computation and logs it; returns the status.
odla_status RecordFailure(const Error& error);

// Checks an operand handed to an operator function.
odla_value CheckInput(odla_value value, const char* op, int index);

// Appends a node with the given inputs and output types and returns its outputs.
std::vector<odla_value> AddNode(const char* op, std::vector<odla_value> inputs,
                                const std::vector<TensorType>& output_types, const odla_value_ids* ids,
                                odla_value_id single_id, Kernel kernel);
odla_value AddNode1(const char* op, std::vector<odla_value> inputs, const TensorType& output_type,
                    odla_value_id id, Kernel kernel);

// Uses the declared output shape when defined (it must hold the same number of elements).
Dims ResolveOutputDims(const Dims& inferred, const odla_value_shape& declared, const char* op);

// float16/bfloat16 computed as float32: a dispatch on either type asks for it (dispatch.h), and the next AddNode
// wraps its kernel so that it reads float32 copies of the float16/bfloat16 operands and rounds float32 results back
// to them (float_promotion.cc). Guard starts each operator with no request pending.
void RequestFloatPromotion();
void ResetFloatPromotion();
Kernel TakeFloatPromotion(Kernel kernel, const std::vector<odla_value>& inputs, const std::vector<TensorType>& outputs);

// Runs body; on Error records the failure and returns fallback.
template <typename T, typename Body>
T Guard(T fallback, Body&& body) {
  ResetFloatPromotion();
  try {
    return body();
  } catch (const Error& e) {
    RecordFailure(e);
  } catch (const std::bad_alloc&) {
    RecordFailure(Error(ODLA_MEM_ERROR, "out of memory"));
  }
  return fallback;
}

template <typename Body>
odla_status GuardStatus(Body&& body) {
  try {
    body();
    return ODLA_SUCCESS;
  } catch (const Error& e) {
    Log(ODLA_LOG_LEVEL_ERROR, e.message());
    return e.status();
  } catch (const std::bad_alloc&) {
    Log(ODLA_LOG_LEVEL_ERROR, "out of memory");
    return ODLA_MEM_ERROR;
  }
}

odla_values EmptyValues();
odla_values ToValues(const std::vector<odla_value>& values);

}  // namespace odla_ref

#endif  // HALO_ODLA_REFERENCE_RUNTIME_H_
