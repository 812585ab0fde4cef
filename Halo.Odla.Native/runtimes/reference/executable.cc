// Executables (a compiled computation; here a handle that executes the computation it was compiled from) and
// binding odla_values (created with odla_CreateValue) as argument or output buffers (odla_compute.h).
#include "runtime.h"

using odla_ref::Fail;

struct _odla_executable {
  odla_computation computation;
};

extern "C" {

odla_status odla_CompileComputation(const odla_computation computation, const odla_device device,
                                    odla_executable* executable) {
  (void)device;
  return odla_ref::GuardStatus([&] {
    if (computation == nullptr || executable == nullptr) Fail(ODLA_INVALID_PARAM, "odla_CompileComputation: null argument");
    if (computation->error != ODLA_SUCCESS)
      Fail(computation->error, "odla_CompileComputation: the computation failed while it was built: " + computation->error_message);
    *executable = new _odla_executable{computation};
  });
}

odla_status odla_LaunchExecutable(odla_executable executable, odla_context context) {
  if (executable == nullptr) return ODLA_INVALID_PARAM;
  return odla_ExecuteComputation(executable->computation, context, ODLA_COMPUTE_INFERENCE, nullptr);
}

odla_status odla_AsyncLaunchExecutable(const odla_executable executable, const odla_constants_array constants_array,
                                       const odla_context context, const odla_compute_mode mode, odla_device device) {
  if (executable == nullptr) return ODLA_INVALID_PARAM;
  if (constants_array != nullptr) {
    odla_ref::Log(ODLA_LOG_LEVEL_ERROR, "odla_AsyncLaunchExecutable: constants arrays are not supported");
    return ODLA_UNSUPPORTED_OP;
  }
  // Runs synchronously: completion has happened when the call returns.
  return odla_ExecuteComputation(executable->computation, context, mode, device);
}

odla_status odla_GetNumOfArgsFromExecutable(const odla_executable executable, odla_uint32* num_args) {
  return executable == nullptr ? ODLA_INVALID_PARAM : odla_GetNumOfArgsFromComputation(executable->computation, num_args);
}

odla_status odla_GetArgFromExecutableByIdx(const odla_executable executable, const odla_uint32 arg_idx,
                                           odla_value* arg_value) {
  return executable == nullptr ? ODLA_INVALID_PARAM
                               : odla_GetArgFromComputationByIdx(executable->computation, arg_idx, arg_value);
}

odla_status odla_GetNumOfOutputsFromExecutable(const odla_executable executable, odla_uint32* num_outputs) {
  return executable == nullptr ? ODLA_INVALID_PARAM
                               : odla_GetNumOfOutputsFromComputation(executable->computation, num_outputs);
}

odla_status odla_GetOutputFromExecutableByIdx(const odla_executable executable, const odla_uint32 output_idx,
                                              odla_value* output_value) {
  return executable == nullptr ? ODLA_INVALID_PARAM
                               : odla_GetOutputFromComputationByIdx(executable->computation, output_idx, output_value);
}

odla_status odla_DestroyExecutable(odla_executable executable) {
  if (executable == nullptr) return ODLA_INVALID_PARAM;
  delete executable;
  return ODLA_SUCCESS;
}

odla_status odla_BindValueToArgumentById(const odla_value_id value_id, odla_value data, odla_context context) {
  return odla_ref::GuardStatus([&] {
    odla_ref::CheckInput(data, "odla_BindValueToArgumentById", 1);
    if (data->kind != odla_ref::ValueKind::Constant)
      Fail(ODLA_INVALID_PARAM, "odla_BindValueToArgumentById: '" + data->id + "' holds no data (use odla_CreateValue)");
    if (odla_BindToArgumentById(value_id, data->constant_data.data(), context) != ODLA_SUCCESS)
      Fail(ODLA_INVALID_PARAM, "odla_BindValueToArgumentById: binding failed");
  });
}

odla_status odla_BindValueToOutputById(const odla_value_id value_id, odla_value data, odla_context context) {
  return odla_ref::GuardStatus([&] {
    odla_ref::CheckInput(data, "odla_BindValueToOutputById", 1);
    if (data->kind != odla_ref::ValueKind::Constant)
      Fail(ODLA_INVALID_PARAM, "odla_BindValueToOutputById: '" + data->id + "' holds no data (use odla_CreateValue)");
    if (odla_BindToOutputById(value_id, data->constant_data.data(), context) != ODLA_SUCCESS)
      Fail(ODLA_INVALID_PARAM, "odla_BindValueToOutputById: binding failed");
  });
}

}  // extern "C"
