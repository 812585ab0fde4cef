// Reading and writing single elements of any element type as double, including float16/bfloat16 and Halo's
// extension types (float8, 4-bit integers and float4 packed two per byte; include/ODLA/odla_halo_types.h).
#ifndef HALO_ODLA_REFERENCE_ELEMENTS_H_
#define HALO_ODLA_REFERENCE_ELEMENTS_H_

#include <ODLA/odla_halo_types.h>

#include <cstdint>

#include "runtime.h"

namespace odla_ref {

// float16 or bfloat16: kernels compute them in float32 (see RequestFloatPromotion).
bool IsHalfFloat(odla_element_type type);
// One of the types of odla_halo_types.h.
bool IsHaloType(odla_element_type type);
// Stored two per byte.
bool IsPacked4(odla_element_type type);
// A floating-point type (float16 to float64, float8, float4).
bool IsFloatType(odla_element_type type);

// Element i as double (integers exactly up to 2^53).
double LoadElement(odla_element_type type, const void* data, int64_t i);

// Stores value as element i with ONNX Cast semantics: floats round to nearest even (float8 with `saturate`), floats
// to integers truncate toward zero and wrap (NaN gives 0), 4-bit integers round to nearest even and clamp, bool is
// value != 0. A packed element rewrites only its nibble: clear the buffer first (PrepareOutput).
void StoreElement(odla_element_type type, void* data, int64_t i, double value, bool saturate);

// Zeroes a packed 4-bit output buffer of count elements (others need nothing).
void PrepareOutput(odla_element_type type, void* data, int64_t count);

}  // namespace odla_ref

#endif  // HALO_ODLA_REFERENCE_ELEMENTS_H_
