// Host "device" and memory basics (odla_device.h, odla_memory.h): the reference runtime computes on the
// host, so device memory is host memory and there is one default device.
#include <cstdlib>
#include <cstring>

#include "runtime.h"

struct _odla_vendor {
  odla_vendor_name name;
};
struct _odla_device {
  odla_device_name name;
  odla_int32 index;
};

namespace {
_odla_vendor g_vendor{ODLA_VENDOR_DEFAULT};
_odla_device* g_current_device = nullptr;
}  // namespace

extern "C" {

odla_status odla_GetVendor(const odla_vendor_name vendor_name, odla_vendor* vendor) {
  if (vendor == nullptr) return ODLA_INVALID_PARAM;
  if (vendor_name != ODLA_VENDOR_DEFAULT) {
    odla_ref::Log(ODLA_LOG_LEVEL_ERROR, "odla_GetVendor: the reference runtime only provides ODLA_VENDOR_DEFAULT");
    return ODLA_UNSUPPORTED_DEVICE_TYPE;
  }
  *vendor = &g_vendor;
  return ODLA_SUCCESS;
}

odla_status odla_AllocateDevice(odla_vendor vendor, odla_device_name device_name, odla_int32 device_idx,
                                odla_device* device) {
  (void)vendor;
  if (device == nullptr) return ODLA_INVALID_PARAM;
  if (device_name != ODLA_DEVICE_DEFAULT || device_idx != 0) {
    odla_ref::Log(ODLA_LOG_LEVEL_ERROR, "odla_AllocateDevice: the reference runtime only provides device 0 of ODLA_DEVICE_DEFAULT");
    return ODLA_UNSUPPORTED_DEVICE_TYPE;
  }
  *device = new _odla_device{device_name, device_idx};
  return ODLA_SUCCESS;
}

odla_status odla_InitDevice(odla_device device, const odla_device_config config) {
  (void)config;
  return device == nullptr ? ODLA_INVALID_PARAM : ODLA_SUCCESS;
}

odla_status odla_SetCurrentDevice(odla_device device) {
  g_current_device = device;
  return ODLA_SUCCESS;
}

odla_status odla_DestroyDevice(odla_device device) {
  if (device == nullptr) return ODLA_INVALID_PARAM;
  if (g_current_device == device) g_current_device = nullptr;
  delete device;
  return ODLA_SUCCESS;
}

odla_status odla_AllocateHostMemory(odla_void** host_ptr, odla_size_t size) {
  if (host_ptr == nullptr) return ODLA_INVALID_PARAM;
  *host_ptr = std::malloc(size == 0 ? 1 : size);
  return *host_ptr == nullptr ? ODLA_MEM_ERROR : ODLA_SUCCESS;
}

odla_status odla_FreeHostMemory(odla_void* ptr) {
  std::free(ptr);
  return ODLA_SUCCESS;
}

odla_status odla_AllocateDeviceMemory(odla_void** dev_ptr, odla_size_t size) { return odla_AllocateHostMemory(dev_ptr, size); }

odla_status odla_FreeDeviceMemory(odla_void* ptr) { return odla_FreeHostMemory(ptr); }

odla_status odla_CopyMemory(odla_void* dst, odla_void* src, odla_size_t size, odla_memcpy_type type) {
  (void)type;  // every direction is a host copy here
  if ((dst == nullptr || src == nullptr) && size > 0) return ODLA_INVALID_PARAM;
  if (size > 0) std::memmove(dst, src, size);
  return ODLA_SUCCESS;
}

}  // extern "C"
