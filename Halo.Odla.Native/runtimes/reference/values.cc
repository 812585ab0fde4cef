// Arguments, constants, variables, outputs and value queries (odla_value.h, odla_ops_basic.h).
#include <cstdio>
#include <cstring>

#include "runtime.h"

using odla_ref::Error;
using odla_ref::Fail;
using odla_ref::TensorType;
using odla_ref::ValueKind;

namespace {

_odla_computation* RequireComputation(const char* op) {
  _odla_computation* comp = odla_ref::CurrentComputation();
  if (comp == nullptr) Fail(ODLA_INVALID_PARAM, std::string(op) + ": no computation was created");
  return comp;
}

TensorType TypeOf(const odla_value_type& value_type, const char* op) {
  if (value_type.element_type == ODLA_STRING)
    Fail(ODLA_UNSUPPORTED_DATATYPE, std::string(op) + ": string tensors are not supported");
  TensorType type{value_type.element_type, odla_ref::DimsFromShape(value_type.shape)};
  odla_ref::ElementBits(type.element_type);  // fails for unknown types
  return type;
}

odla_value FindById(odla_value_id id, const char* op) {
  _odla_computation* comp = RequireComputation(op);
  odla_value value = comp->Find(odla_ref::IdKey(id));
  if (value == nullptr) Fail(ODLA_INVALID_PARAM, std::string(op) + ": no value with id '" + odla_ref::IdKey(id) + "'");
  return value;
}

odla_value NewConstant(const odla_value_type& value_type, const void* data, odla_value_id id, const char* op) {
  TensorType type = TypeOf(value_type, op);
  odla_value value = RequireComputation(op)->NewValue(ValueKind::Constant, type, id);
  // Copied: callers (interpreters, tests) may free their buffer once the call returns.
  value->constant_data.resize(type.Bytes());
  if (data != nullptr && !value->constant_data.empty()) std::memcpy(value->constant_data.data(), data, type.Bytes());
  return value;
}

odla_status MarkOutput(odla_value value) {
  return odla_ref::GuardStatus([&] {
    odla_ref::CheckInput(value, "odla_SetValueAsOutput", 0);
    if (!value->is_output) {
      value->is_output = true;
      value->computation->outputs.push_back(value);
      value->computation->version++;
    }
  });
}

}  // namespace

extern "C" {

odla_value odla_CreateArgument(const odla_value_type value_type, const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    _odla_computation* comp = RequireComputation("odla_CreateArgument");
    odla_value value = comp->NewValue(ValueKind::Argument, TypeOf(value_type, "odla_CreateArgument"), value_id);
    comp->arguments.push_back(value);
    return value;
  });
}

odla_value odla_CreateConstant(const odla_value_type value_type, const odla_void* data_ptr,
                               const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    if (data_ptr == nullptr) Fail(ODLA_INVALID_PARAM, "odla_CreateConstant: data is null");
    return NewConstant(value_type, data_ptr, value_id, "odla_CreateConstant");
  });
}

odla_value odla_CreateValue(const odla_value_type value_type, const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] { return NewConstant(value_type, nullptr, value_id, "odla_CreateValue"); });
}

odla_value odla_CreateVariable(const odla_value_type value_type, const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr,
                                     [&] { return NewConstant(value_type, nullptr, value_id, "odla_CreateVariable"); });
}

odla_value odla_CloneValue(const odla_value src_value, const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    odla_ref::CheckInput(src_value, "odla_CloneValue", 0);
    size_t bytes = src_value->type.Bytes();
    return odla_ref::AddNode1("odla_CloneValue", {src_value}, src_value->type, value_id,
                              [bytes](const std::vector<const void*>& in, const std::vector<void*>& out) {
                                std::memcpy(out[0], in[0], bytes);
                              });
  });
}

odla_value odla_CloneValueById(const odla_value_id src_value_id, const odla_value_id value_id) {
  odla_value src = odla_ref::Guard<odla_value>(nullptr, [&] { return FindById(src_value_id, "odla_CloneValueById"); });
  return src == nullptr ? nullptr : odla_CloneValue(src, value_id);
}

odla_status odla_SetValueData(odla_value value, const odla_void* data_ptr) {
  return odla_ref::GuardStatus([&] {
    odla_ref::CheckInput(value, "odla_SetValueData", 0);
    if (value->kind != ValueKind::Constant)
      Fail(ODLA_INVALID_PARAM, "odla_SetValueData: '" + value->id + "' is not a constant, value or variable");
    if (data_ptr == nullptr) Fail(ODLA_INVALID_PARAM, "odla_SetValueData: data is null");
    std::memcpy(value->constant_data.data(), data_ptr, value->constant_data.size());
  });
}

odla_status odla_SetValueDataById(const odla_value_id value_id, const odla_void* data_ptr) {
  odla_value value = nullptr;
  odla_status status = odla_ref::GuardStatus([&] { value = FindById(value_id, "odla_SetValueDataById"); });
  return status != ODLA_SUCCESS ? status : odla_SetValueData(value, data_ptr);
}

odla_status odla_GetRawDataPtr(const odla_value value, odla_void** data_ptr) {
  return odla_ref::GuardStatus([&] {
    odla_ref::CheckInput(value, "odla_GetRawDataPtr", 0);
    if (data_ptr == nullptr) Fail(ODLA_INVALID_PARAM, "odla_GetRawDataPtr: data_ptr is null");
    if (value->kind != ValueKind::Constant)
      Fail(ODLA_INVALID_PARAM, "odla_GetRawDataPtr: '" + value->id + "' has no data outside an execution context");
    *data_ptr = value->constant_data.data();
  });
}

odla_status odla_GetValueDataById(const odla_value_id value_id, odla_void* data_ptr) {
  return odla_ref::GuardStatus([&] {
    odla_value value = FindById(value_id, "odla_GetValueDataById");
    if (value->kind != ValueKind::Constant)
      Fail(ODLA_INVALID_PARAM, "odla_GetValueDataById: '" + value->id + "' is not a constant (use odla_GetValueData)");
    if (data_ptr == nullptr) Fail(ODLA_INVALID_PARAM, "odla_GetValueDataById: data_ptr is null");
    std::memcpy(data_ptr, value->constant_data.data(), value->constant_data.size());
  });
}

odla_status odla_GetValueType(const odla_value value, odla_value_type* value_type) {
  return odla_ref::GuardStatus([&] {
    odla_ref::CheckInput(value, "odla_GetValueType", 0);
    if (value_type == nullptr) Fail(ODLA_INVALID_PARAM, "odla_GetValueType: value_type is null");
    value_type->element_type = value->type.element_type;
    value_type->shape = odla_ref::ShapeFromDims(value->type.dims);
  });
}

odla_status odla_GetValueTypeById(const odla_value_id value_id, odla_value_type* value_type) {
  odla_value value = nullptr;
  odla_status status = odla_ref::GuardStatus([&] { value = FindById(value_id, "odla_GetValueTypeById"); });
  return status != ODLA_SUCCESS ? status : odla_GetValueType(value, value_type);
}

odla_status odla_GetValueId(const odla_value value, odla_value_id* value_id) {
  return odla_ref::GuardStatus([&] {
    odla_ref::CheckInput(value, "odla_GetValueId", 0);
    if (value_id == nullptr) Fail(ODLA_INVALID_PARAM, "odla_GetValueId: value_id is null");
    *value_id = reinterpret_cast<odla_value_id>(const_cast<char*>(value->id.c_str()));
  });
}

odla_status odla_FindValueById(const odla_value_id value_id, odla_value* value) {
  return odla_ref::GuardStatus([&] {
    if (value == nullptr) Fail(ODLA_INVALID_PARAM, "odla_FindValueById: value is null");
    *value = FindById(value_id, "odla_FindValueById");
  });
}

odla_status odla_SetValueAsOutput(odla_value value) { return MarkOutput(value); }

odla_status odla_SetValuesAsOutput(odla_values values) {
  for (size_t i = 0; i < values.size && i < ODLA_MAX_OUTPUTS; ++i) {
    odla_status status = MarkOutput(values.values[i]);
    if (status != ODLA_SUCCESS) return status;
  }
  return ODLA_SUCCESS;
}

odla_status odla_SetValueAsOutputById(const odla_value_id value_id) {
  odla_value value = nullptr;
  odla_status status = odla_ref::GuardStatus([&] { value = FindById(value_id, "odla_SetValueAsOutputById"); });
  return status != ODLA_SUCCESS ? status : MarkOutput(value);
}

// Values live as long as their computation; releasing frees a constant's data copy once nothing reads it
// and forgets the id, so interpreters can drop large constants early.
odla_status odla_ReleaseValue(odla_value value) {
  return odla_ref::GuardStatus([&] {
    odla_ref::CheckInput(value, "odla_ReleaseValue", 0);
    _odla_computation* comp = value->computation;
    auto it = comp->by_id.find(value->id);
    if (it != comp->by_id.end() && it->second == value) comp->by_id.erase(it);
    bool used = value->is_output;
    for (const auto& node : comp->nodes)
      for (odla_value input : node.inputs) used = used || input == value;
    if (!used && value->kind == ValueKind::Constant) std::vector<unsigned char>().swap(value->constant_data);
  });
}

odla_status odla_ReleaseValueById(odla_value_id value_id) {
  odla_value value = nullptr;
  odla_status status = odla_ref::GuardStatus([&] { value = FindById(value_id, "odla_ReleaseValueById"); });
  return status != ODLA_SUCCESS ? status : odla_ReleaseValue(value);
}

void odla_Dump(odla_value value) {
  if (value == nullptr) return;
  std::fprintf(stderr, "odla_value '%s' %s%s\n", value->id.c_str(), odla_ref::TypeName(value->type.element_type),
               odla_ref::DimsToString(value->type.dims).c_str());
}

}  // extern "C"
