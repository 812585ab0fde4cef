// Declared ODLA functions the reference runtime does not implement. Each one reports the failure through
// the log and returns an error: ODLA_UNSUPPORTED_OP as a status, or a null value (the computation records
// the error and odla_ExecuteComputation returns it). Generated from the headers by listing what no other
// source file defines; keep it in step when implementing one of these.
#include "runtime.h"

// Parameters are unused by design here: the functions only report that they are unsupported.
#pragma GCC diagnostic ignored "-Wunused-parameter"

namespace {

odla_status Unsupported(const char* function) {
  return odla_ref::RecordFailure(odla_ref::Error(ODLA_UNSUPPORTED_OP, std::string(function) + " is not supported by the reference runtime"));
}

}  // namespace

extern "C" {

odla_status odla_AsyncStartDeviceProfiler(odla_device device) {
  return Unsupported("odla_AsyncStartDeviceProfiler");
}

odla_status odla_AsyncStopDeviceProfiler(odla_device device) {
  return Unsupported("odla_AsyncStopDeviceProfiler");
}

odla_status odla_BeginIf(odla_value condition, odla_value_id) {
  return Unsupported("odla_BeginIf");
}

odla_status odla_BeginLoop(odla_value trip_count, odla_value_id value_id) {
  return Unsupported("odla_BeginLoop");
}

odla_value odla_Compress(odla_value input, odla_value condition, odla_int32 axis, odla_value_shape max_output_shape, const odla_value_id value_id) {
  Unsupported("odla_Compress");
  return nullptr;
}

odla_status odla_CreateConstantsArray(odla_constants_array* constants_array) {
  return Unsupported("odla_CreateConstantsArray");
}

odla_status odla_CreateDeviceConfig(odla_device_config* device_config) {
  return Unsupported("odla_CreateDeviceConfig");
}

odla_status odla_CreateDeviceTrace(odla_device_trace* device_trace) {
  return Unsupported("odla_CreateDeviceTrace");
}

odla_value odla_CreateLoopVariable(odla_value init_value, odla_value_id value_id) {
  Unsupported("odla_CreateLoopVariable");
  return nullptr;
}

odla_values odla_CustomOp(odla_values inputs, const odla_char* op_name, const odla_char* function_name, const odla_value_ids ids, ...) {
  Unsupported("odla_CustomOp");
  return odla_ref::EmptyValues();
}

odla_status odla_DestroyConstantsArray(odla_constants_array constants_array) {
  return Unsupported("odla_DestroyConstantsArray");
}

odla_status odla_DestroyDeviceConfig(odla_device_config device_config) {
  return Unsupported("odla_DestroyDeviceConfig");
}

odla_status odla_DifferentiateComputation(odla_computation computation) {
  return Unsupported("odla_DifferentiateComputation");
}

odla_value odla_DimsExpand(odla_value input, odla_value original, odla_value axes, odla_value_shape output_dims, const odla_value_id id) {
  Unsupported("odla_DimsExpand");
  return nullptr;
}

odla_values odla_EndIf(odla_value_ids) {
  Unsupported("odla_EndIf");
  return odla_ref::EmptyValues();
}

odla_values odla_EndLoop(odla_value condition, odla_values output_values, const odla_loop_output_mode* flags, odla_value_ids) {
  Unsupported("odla_EndLoop");
  return odla_ref::EmptyValues();
}

odla_status odla_EnterBranchBody(odla_bool true_branch) {
  return Unsupported("odla_EnterBranchBody");
}

odla_status odla_GetDeviceInfo(odla_device device, odla_device_info info_type, odla_scalar_value* info_value) {
  return Unsupported("odla_GetDeviceInfo");
}

odla_status odla_GetVendorInfo(const odla_vendor vendor, const odla_vendor_info info_name, const odla_size_t allocated_info_value_size, odla_void* info_value, odla_size_t* retrieved_info_value_size) {
  return Unsupported("odla_GetVendorInfo");
}

odla_status odla_LoadComputation(odla_resource_location location, odla_computation* computation) {
  return Unsupported("odla_LoadComputation");
}

odla_status odla_LoadConstantsArray(const odla_char* file_name, odla_constants_array* constants_array) {
  return Unsupported("odla_LoadConstantsArray");
}

odla_status odla_LoadExecutable(odla_resource_location location, odla_device device, odla_executable* executable) {
  return Unsupported("odla_LoadExecutable");
}

odla_value odla_NMS(odla_value boxes, odla_value scores, odla_uint32 max_num_outputs, odla_float32 iou_threshold, odla_float32 score_threshold, odla_value_type output_value_type, const odla_value_id value_id) {
  Unsupported("odla_NMS");
  return nullptr;
}

odla_value odla_NegativeLogLikeliHoodLoss(odla_value input, odla_value gt, odla_int32 ignored, odla_reduction_mode reduction, odla_value weight, odla_value_shape output_shape, odla_value_id value_id) {
  Unsupported("odla_NegativeLogLikeliHoodLoss");
  return nullptr;
}

odla_values odla_PostProcess(odla_value orig_img_w, odla_value orig_img_h, odla_value bb13, odla_value bb26, odla_value bb52, const odla_value_id value_id) {
  Unsupported("odla_PostProcess");
  return odla_ref::EmptyValues();
}

odla_value odla_ROIAlign(odla_value input, odla_memory_layout input_layout, odla_value rois, odla_int32 sampling_ratio, odla_float32 scale, odla_value_shape output_dim, const odla_value_id value_id) {
  Unsupported("odla_ROIAlign");
  return nullptr;
}

odla_value odla_ROIMaxPool(odla_value input, odla_memory_layout input_layout, odla_value rois, odla_int32 win_h, odla_int32 win_w, odla_float32 scale, odla_value_shape output_dim, const odla_value_id value_id) {
  Unsupported("odla_ROIMaxPool");
  return nullptr;
}

odla_status odla_ReleaseDeviceTrace(odla_device_trace device_trace) {
  return Unsupported("odla_ReleaseDeviceTrace");
}

odla_value odla_ResizeDynamic(odla_value input, odla_value scales, odla_value sizes, odla_interpolation_mode interpolation, odla_resize_coordinate_mode mode, odla_value_shape output_dims, const odla_value_id value_id) {
  Unsupported("odla_ResizeDynamic");
  return nullptr;
}

odla_status odla_RetrieveDeviceTrace(odla_device device, odla_device_trace* device_trace) {
  return Unsupported("odla_RetrieveDeviceTrace");
}

odla_status odla_RunTask(odla_device device, odla_task task) {
  return Unsupported("odla_RunTask");
}

odla_status odla_RunTaskAsync(odla_device device, odla_task task) {
  return Unsupported("odla_RunTaskAsync");
}

odla_status odla_SetAsyncExecutor(odla_async_executor executor) {
  return Unsupported("odla_SetAsyncExecutor");
}

odla_status odla_SetComputationItem(odla_computation computation, odla_item_type type, odla_item_value value) {
  return Unsupported("odla_SetComputationItem");
}

odla_status odla_SetContextItem(odla_context context, odla_item_type type, odla_item_value value) {
  return Unsupported("odla_SetContextItem");
}

odla_status odla_SetDeviceConfigItem(odla_device_config device_config, odla_device_config_item device_config_item, ...) {
  return Unsupported("odla_SetDeviceConfigItem");
}

odla_status odla_SetDeviceTraceItem(odla_device_trace device_trace, odla_device_trace_item device_trace_item, ...) {
  return Unsupported("odla_SetDeviceTraceItem");
}

odla_status odla_SetInputValueInfo(odla_value value, odla_item_type type, odla_item_value value_input) {
  return Unsupported("odla_SetInputValueInfo");
}

odla_status odla_SetRuntimeShape(odla_context context, odla_value value, odla_value_shape value_shape) {
  return Unsupported("odla_SetRuntimeShape");
}

odla_status odla_SetRuntimeValueType(odla_context context, odla_value value, odla_value_type value_type) {
  return Unsupported("odla_SetRuntimeValueType");
}

odla_status odla_SetValueShapeInfo(odla_value value, odla_item_type type, odla_value_shape value_shape) {
  return Unsupported("odla_SetValueShapeInfo");
}

odla_status odla_StartDeviceProfiler(odla_device device) {
  return Unsupported("odla_StartDeviceProfiler");
}

odla_status odla_StopDeviceProfiler(odla_device device) {
  return Unsupported("odla_StopDeviceProfiler");
}

odla_status odla_StoreComputation(odla_resource_location location, odla_computation computation) {
  return Unsupported("odla_StoreComputation");
}

odla_status odla_StoreConstantsArray(const odla_char* file_name, const odla_constants_array constants_array) {
  return Unsupported("odla_StoreConstantsArray");
}

odla_status odla_StoreExecutable(odla_resource_location, odla_executable executable) {
  return Unsupported("odla_StoreExecutable");
}

odla_value odla_TFIDFVectorize(odla_value input, odla_int32 min_gram_length, odla_int32 max_gram_length, odla_int32 max_skip_count, odla_tf_idf_mode mode, odla_value pool, odla_value gram_counts, odla_value output_indices, odla_value weights, odla_value_shape output_shape, odla_value_id value_id) {
  Unsupported("odla_TFIDFVectorize");
  return nullptr;
}

}  // extern "C"
