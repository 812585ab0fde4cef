// Computations, contexts, bindings and execution (odla_compute.h).
#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "runtime.h"
#include "slot_cache.h"

using odla_ref::Fail;
using odla_ref::ValueKind;

namespace {

// Assigns every intermediate value a slot; a slot is reused once its value's last reader has run.
void Plan(const _odla_computation& comp, _odla_context& ctx) {
  const size_t count = comp.values.size();
  std::vector<int64_t> last_use(count, -1);
  for (size_t n = 0; n < comp.nodes.size(); ++n)
    for (odla_value input : comp.nodes[n].inputs) last_use[input->index] = static_cast<int64_t>(n);
  ctx.slot_of_value.assign(count, -1);
  std::vector<size_t> slot_bytes;
  std::vector<int> free_slots;
  for (size_t n = 0; n < comp.nodes.size(); ++n) {
    const auto& node = comp.nodes[n];
    for (odla_value output : node.outputs) {
      size_t bytes = std::max<size_t>(output->type.Bytes(), 1);
      // Best fit among free slots, else the largest free slot grown, else a new slot.
      int chosen = -1;
      for (int slot : free_slots)
        if (slot_bytes[slot] >= bytes && (chosen < 0 || slot_bytes[slot] < slot_bytes[chosen])) chosen = slot;
      if (chosen < 0 && !free_slots.empty()) chosen = free_slots.back();
      if (chosen < 0) {
        chosen = static_cast<int>(slot_bytes.size());
        slot_bytes.push_back(0);
      } else {
        free_slots.erase(std::find(free_slots.begin(), free_slots.end(), chosen));
      }
      slot_bytes[chosen] = std::max(slot_bytes[chosen], bytes);
      ctx.slot_of_value[output->index] = chosen;
    }
    std::unordered_set<odla_value> released;
    auto release = [&](odla_value v) {
      if (v->kind != ValueKind::Intermediate || v->is_output || released.count(v)) return;
      if (last_use[v->index] > static_cast<int64_t>(n)) return;
      released.insert(v);
      free_slots.push_back(ctx.slot_of_value[v->index]);
    };
    for (odla_value input : node.inputs) release(input);
    for (odla_value output : node.outputs) release(output);
  }
  odla_ref::ReturnSlotBuffers(ctx.slots);
  ctx.slots.reserve(slot_bytes.size());
  for (size_t bytes : slot_bytes) ctx.slots.push_back(odla_ref::TakeSlotBuffer(bytes));
  ctx.planned_for = &comp;
  ctx.planned_version = comp.version;
}

const void* ArgumentBuffer(const _odla_context& ctx, odla_value value) {
  auto it = ctx.argument_buffers.find(value);
  if (it != ctx.argument_buffers.end()) return it->second;
  auto by_id = ctx.argument_buffers_by_id.find(value->id);
  if (by_id != ctx.argument_buffers_by_id.end()) return by_id->second;
  Fail(ODLA_INVALID_PARAM, "odla_ExecuteComputation: argument '" + value->id + "' is not bound");
}

void* OutputBuffer(const _odla_context& ctx, odla_value value) {
  auto it = ctx.output_buffers.find(value);
  if (it != ctx.output_buffers.end()) return it->second;
  auto by_id = ctx.output_buffers_by_id.find(value->id);
  return by_id != ctx.output_buffers_by_id.end() ? by_id->second : nullptr;
}

void Execute(const _odla_computation& comp, _odla_context& ctx) {
  if (comp.error != ODLA_SUCCESS)
    Fail(comp.error, "odla_ExecuteComputation: the computation failed while it was built: " + comp.error_message);
  if (ctx.planned_for != &comp || ctx.planned_version != comp.version) Plan(comp, ctx);
  std::vector<const void*> read(comp.values.size(), nullptr);
  std::vector<void*> write(comp.values.size(), nullptr);
  for (const auto& value : comp.values) {
    if (value->kind == ValueKind::Argument) read[value->index] = ArgumentBuffer(ctx, value.get());
    if (value->kind == ValueKind::Constant) read[value->index] = value->constant_data.data();
    if (value->kind != ValueKind::Intermediate) continue;
    void* target = value->is_output ? OutputBuffer(ctx, value.get()) : nullptr;
    int slot = ctx.slot_of_value[value->index];
    if (target == nullptr && slot >= 0) target = ctx.slots[slot].data();
    write[value->index] = target;
    read[value->index] = target;
  }
  std::vector<const void*> inputs;
  std::vector<void*> outputs;
  for (const auto& node : comp.nodes) {
    inputs.clear();
    outputs.clear();
    for (odla_value input : node.inputs) inputs.push_back(read[input->index]);
    for (odla_value output : node.outputs) outputs.push_back(write[output->index]);
    try {
      node.kernel(inputs, outputs);
    } catch (const odla_ref::Error& e) {
      Fail(e.status(), node.op + " ('" + node.outputs[0]->id + "'): " + e.message());
    }
  }
  // Outputs that are arguments or constants themselves are copied.
  for (odla_value output : comp.outputs) {
    if (output->kind == ValueKind::Intermediate) continue;
    void* target = OutputBuffer(ctx, output);
    if (target != nullptr) std::memcpy(target, read[output->index], output->type.Bytes());
  }
}

}  // namespace

extern "C" {

odla_status odla_CreateComputation(odla_computation* computation) {
  return odla_ref::GuardStatus([&] {
    if (computation == nullptr) Fail(ODLA_INVALID_PARAM, "odla_CreateComputation: computation is null");
    *computation = new _odla_computation();
    odla_ref::SetCurrentComputation(*computation);
  });
}

odla_status odla_DestroyComputation(odla_computation computation) {
  if (computation == nullptr) return ODLA_INVALID_PARAM;
  odla_ref::ClearCurrentComputation(computation);
  delete computation;
  return ODLA_SUCCESS;
}

odla_status odla_GetNumOfArgsFromComputation(const odla_computation computation, odla_uint32* num_args) {
  if (computation == nullptr || num_args == nullptr) return ODLA_INVALID_PARAM;
  *num_args = static_cast<odla_uint32>(computation->arguments.size());
  return ODLA_SUCCESS;
}

odla_status odla_GetArgFromComputationByIdx(const odla_computation computation, const odla_uint32 arg_idx,
                                            odla_value* arg_value) {
  if (computation == nullptr || arg_value == nullptr || arg_idx >= computation->arguments.size())
    return ODLA_INVALID_PARAM;
  *arg_value = computation->arguments[arg_idx];
  return ODLA_SUCCESS;
}

odla_status odla_GetNumOfOutputsFromComputation(const odla_computation computation, odla_uint32* num_outputs) {
  if (computation == nullptr || num_outputs == nullptr) return ODLA_INVALID_PARAM;
  *num_outputs = static_cast<odla_uint32>(computation->outputs.size());
  return ODLA_SUCCESS;
}

odla_status odla_GetOutputFromComputationByIdx(const odla_computation computation, const odla_uint32 output_idx,
                                               odla_value* output_value) {
  if (computation == nullptr || output_value == nullptr || output_idx >= computation->outputs.size())
    return ODLA_INVALID_PARAM;
  *output_value = computation->outputs[output_idx];
  return ODLA_SUCCESS;
}

odla_status odla_CreateContext(odla_context* context) {
  return odla_ref::GuardStatus([&] {
    if (context == nullptr) Fail(ODLA_INVALID_PARAM, "odla_CreateContext: context is null");
    *context = new _odla_context();
  });
}

odla_status odla_DestroyContext(odla_context context) {
  if (context == nullptr) return ODLA_INVALID_PARAM;
  odla_ref::ReturnSlotBuffers(context->slots);
  delete context;
  return ODLA_SUCCESS;
}

odla_status odla_BindToArgument(odla_value value, const odla_void* data_ptr, odla_context context) {
  return odla_ref::GuardStatus([&] {
    odla_ref::CheckInput(value, "odla_BindToArgument", 0);
    if (context == nullptr || data_ptr == nullptr) Fail(ODLA_INVALID_PARAM, "odla_BindToArgument: null context or data");
    if (value->kind != ValueKind::Argument) Fail(ODLA_INVALID_PARAM, "odla_BindToArgument: '" + value->id + "' is not an argument");
    context->argument_buffers[value] = data_ptr;
  });
}

odla_status odla_BindToArgumentById(const odla_value_id value_id, const odla_void* data_ptr, odla_context context) {
  return odla_ref::GuardStatus([&] {
    if (context == nullptr || data_ptr == nullptr)
      Fail(ODLA_INVALID_PARAM, "odla_BindToArgumentById: null context or data");
    context->argument_buffers_by_id[odla_ref::IdKey(value_id)] = data_ptr;
  });
}

odla_status odla_BindToOutput(odla_value value, odla_void* data_ptr, odla_context context) {
  return odla_ref::GuardStatus([&] {
    odla_ref::CheckInput(value, "odla_BindToOutput", 0);
    if (context == nullptr || data_ptr == nullptr) Fail(ODLA_INVALID_PARAM, "odla_BindToOutput: null context or data");
    if (!value->is_output) Fail(ODLA_INVALID_PARAM, "odla_BindToOutput: '" + value->id + "' is not an output");
    context->output_buffers[value] = data_ptr;
  });
}

odla_status odla_BindToOutputById(const odla_value_id value_id, odla_void* data_ptr, odla_context context) {
  return odla_ref::GuardStatus([&] {
    if (context == nullptr || data_ptr == nullptr) Fail(ODLA_INVALID_PARAM, "odla_BindToOutputById: null context or data");
    context->output_buffers_by_id[odla_ref::IdKey(value_id)] = data_ptr;
  });
}

odla_status odla_ExecuteComputation(const odla_computation computation, const odla_context context,
                                    const odla_compute_mode mode, odla_device device) {
  (void)device;  // the reference runtime computes on the host
  return odla_ref::GuardStatus([&] {
    if (computation == nullptr || context == nullptr)
      Fail(ODLA_INVALID_PARAM, "odla_ExecuteComputation: null computation or context");
    if (mode == ODLA_COMPUTE_TRAINING) Fail(ODLA_UNSUPPORTED_OP, "odla_ExecuteComputation: training mode is not supported");
    Execute(*computation, *context);
  });
}

odla_status odla_AsyncExecuteComputation(const odla_computation computation, const odla_context context,
                                         const odla_compute_mode mode, odla_device device) {
  // Runs synchronously: completion has happened when the call returns.
  return odla_ExecuteComputation(computation, context, mode, device);
}

odla_status odla_GetValueData(const odla_value value, odla_void* data_ptr, odla_context context) {
  return odla_ref::GuardStatus([&] {
    odla_ref::CheckInput(value, "odla_GetValueData", 0);
    if (context == nullptr || data_ptr == nullptr) Fail(ODLA_INVALID_PARAM, "odla_GetValueData: null context or data");
    const void* source = nullptr;
    if (value->kind == ValueKind::Constant) source = value->constant_data.data();
    if (value->kind == ValueKind::Argument) source = ArgumentBuffer(*context, value);
    if (value->kind == ValueKind::Intermediate) {
      source = value->is_output ? OutputBuffer(*context, value) : nullptr;
      bool planned = context->planned_for == value->computation && value->index < context->slot_of_value.size();
      if (source == nullptr && value->is_output && planned && context->slot_of_value[value->index] >= 0)
        source = context->slots[context->slot_of_value[value->index]].data();
    }
    if (source == nullptr)
      Fail(ODLA_INVALID_PARAM, "odla_GetValueData: '" + value->id + "' is not an output computed in this context");
    std::memmove(data_ptr, source, value->type.Bytes());
  });
}

odla_status odla_GetRuntimeNumOfOutputs(odla_context context, odla_uint32* num_output_ptr) {
  if (context == nullptr || num_output_ptr == nullptr || context->planned_for == nullptr) return ODLA_INVALID_PARAM;
  *num_output_ptr = static_cast<odla_uint32>(context->planned_for->outputs.size());
  return ODLA_SUCCESS;
}

odla_status odla_GetRuntimeValueType(odla_context context, odla_value value, odla_value_type* value_type_ptr) {
  (void)context;
  return odla_GetValueType(value, value_type_ptr);
}

odla_status odla_GetRuntimeShape(odla_context context, odla_value value, odla_value_shape* value_shape_ptr) {
  (void)context;
  if (value == nullptr || value_shape_ptr == nullptr) return ODLA_INVALID_PARAM;
  *value_shape_ptr = odla_ref::ShapeFromDims(value->type.dims);
  return ODLA_SUCCESS;
}

}  // extern "C"
