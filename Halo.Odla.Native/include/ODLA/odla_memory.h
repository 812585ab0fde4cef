/* Halo.NET ODLA headers (Apache-2.0). Same API as ODLA (Open Deep Learning API) 0.5.
 *
 * Host and device memory allocation and copies.
 */
#ifndef _ODLA_MEMORY_H_
#define _ODLA_MEMORY_H_
#include <ODLA/odla_common.h>
#ifdef __cplusplus
extern "C" {
#endif


typedef enum {
  ODLA_MEMCPY_H2H,
  ODLA_MEMCPY_H2D,
  ODLA_MEMCPY_D2H,
  ODLA_MEMCPY_D2D,
} odla_memcpy_type;

extern ODLA_API_EXPORT odla_status ODLA_API_CALL
odla_AllocateDeviceMemory(odla_void** dev_ptr, odla_size_t size);

extern ODLA_API_EXPORT odla_status ODLA_API_CALL
odla_FreeDeviceMemory(odla_void* ptr);

extern ODLA_API_EXPORT odla_status ODLA_API_CALL
odla_AllocateHostMemory(odla_void** host_ptr, odla_size_t size);

extern ODLA_API_EXPORT odla_status ODLA_API_CALL
odla_FreeHostMemory(odla_void* ptr);

extern ODLA_API_EXPORT odla_status ODLA_API_CALL odla_CopyMemory(
    odla_void* dst, odla_void* src, odla_size_t size, odla_memcpy_type type);
#ifdef __cplusplus
}
#endif
#endif /* include guard */
