/* Halo.NET ODLA headers (Apache-2.0). Same API as ODLA (Open Deep Learning API) 0.5.
 *
 * Vendor-specific custom operators.
 */
#ifndef _ODLA_OPERATOR_OPS_CUSTOM_H_
#define _ODLA_OPERATOR_OPS_CUSTOM_H_
#include <ODLA/odla_common.h>
#include <ODLA/odla_value.h>
#ifdef __cplusplus
extern "C" {
#endif


extern ODLA_API_EXPORT odla_values ODLA_API_CALL
odla_CustomOp(odla_values inputs, const odla_char* op_name,
              const odla_char* function_name, const odla_value_ids ids, ...);
#ifdef __cplusplus
}
#endif
#endif /* include guard */
