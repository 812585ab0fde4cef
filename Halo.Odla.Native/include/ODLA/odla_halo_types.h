/* Halo.NET extension of ODLA: element types that odla_element_type lacks (float8, 4-bit integers, float4), and the
 * conversion entry points that need parameters ODLA's odla_Cast / odla_Quantize / odla_Dequantize do not have
 * (saturate, block_size).
 *
 * This is NOT part of ODLA: only the Halo.NET reference runtime (libodla_reference) knows these values and
 * functions; other ODLA runtimes reject the types (ODLA_UNSUPPORTED_DATATYPE) and do not export the functions.
 * Halo-generated code includes this header only when a model uses one of them. odla.h does not include it.
 *
 * Element type values. They lie above ODLA's last enumerator (ODLA_STRING = 21) and below 32, so that in C++ they
 * stay inside the value range of odla_element_type (an unscoped enum without fixed underlying type holds the values
 * of its smallest bit field, here 5 bits); 22 and 23 are left free for ODLA's own growth.
 *
 * In-memory layout (tensor buffers handed to odla_BindToArgument / odla_BindToOutput / odla_CreateConstant):
 * - float8 types: one byte per element, the format's bit pattern (ONNX's FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2,
 *   FLOAT8E5M2FNUZ; "FN": finite, NaN but no infinities; "UZ": unsigned zero, 0x80 is the only NaN).
 * - 4-bit types (INT4, UINT4, FLOAT4E2M1): packed two per byte as in ONNX: element 2k in the low nibble of byte k,
 *   element 2k+1 in its high nibble; a tensor of n elements takes (n + 1) / 2 bytes, and the high nibble of the
 *   last byte of an odd-sized tensor is zero in outputs and ignored in inputs.
 * Only data movement that copies whole buffers (reshape-like operators, outputs, constants), Cast and
 * Quantize/Dequantize accept these types; other operators report ODLA_UNSUPPORTED_DATATYPE.
 */
#ifndef _ODLA_HALO_TYPES_H_
#define _ODLA_HALO_TYPES_H_

#include <ODLA/odla_common.h>
#include <ODLA/odla_value.h>

#ifdef __cplusplus
extern "C" {
#endif

/* 8-bit float, 4 exponent bits (bias 7), 3 mantissa bits; finite (0x7F and 0xFF are NaN), max 448. */
#define ODLA_HALO_FLOAT8E4M3FN ((odla_element_type)24)
/* 8-bit float, 4 exponent bits (bias 8), 3 mantissa bits; finite, unsigned zero (0x80 is NaN), max 240. */
#define ODLA_HALO_FLOAT8E4M3FNUZ ((odla_element_type)25)
/* 8-bit float, 5 exponent bits (bias 15), 2 mantissa bits; IEEE-like with infinities, max 57344. */
#define ODLA_HALO_FLOAT8E5M2 ((odla_element_type)26)
/* 8-bit float, 5 exponent bits (bias 16), 2 mantissa bits; finite, unsigned zero (0x80 is NaN), max 57344. */
#define ODLA_HALO_FLOAT8E5M2FNUZ ((odla_element_type)27)
/* Signed 4-bit integer (-8 .. 7), two per byte. */
#define ODLA_HALO_INT4 ((odla_element_type)28)
/* Unsigned 4-bit integer (0 .. 15), two per byte. */
#define ODLA_HALO_UINT4 ((odla_element_type)29)
/* 4-bit float, 2 exponent bits (bias 1), 1 mantissa bit; no infinities or NaN, max 6; two per byte. */
#define ODLA_HALO_FLOAT4E2M1 ((odla_element_type)30)

/* Cast with ONNX's saturate attribute: with saturate != 0, values beyond a float8 target's range (and infinities)
 * become its largest finite value of the same sign; with saturate == 0 they become infinity (FLOAT8E5M2) or NaN.
 * Otherwise as odla_Cast: floats round to nearest even, floats to integers truncate, integers wrap, 4-bit integer
 * targets round to nearest even and clamp. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloCast(odla_value input, odla_element_type target_type,
                                                              odla_bool saturate, const odla_value_id value_id);

/* ONNX QuantizeLinear: y = saturate(round_half_even(x / scale) + zero_point) for integer targets, y = x / scale +
 * zero_point converted with `saturate` for float targets. zero_point may be NULL (zero); its type is the target
 * type. block_size == 0: per tensor (scale of one element) or per axis (1-D scale along axis); block_size > 0:
 * blocked, scale (and zero_point) has the rank of x and ceil(dim[axis] / block_size) elements along axis.
 * x and scale are float32, float16 or bfloat16 (same type). */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloQuantize(odla_value input, odla_value scale,
                                                                  odla_value zero_point, odla_int32 axis,
                                                                  odla_int64 block_size, odla_bool saturate,
                                                                  odla_element_type target_data_type,
                                                                  const odla_value_id value_id);

/* ONNX DequantizeLinear: y = (x - zero_point) * scale, per tensor, per axis or blocked as odla_HaloQuantize.
 * target_data_type is the type of scale and y: float32, float16 or bfloat16. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloDequantize(odla_value input, odla_value scale,
                                                                    odla_value zero_point, odla_int32 axis,
                                                                    odla_int64 block_size,
                                                                    odla_element_type target_data_type,
                                                                    const odla_value_id value_id);

#ifdef __cplusplus
}
#endif

#endif /* _ODLA_HALO_TYPES_H_ */
