/* Halo.NET ODLA headers (Apache-2.0). Same API as ODLA (Open Deep Learning API) 0.5.
 *
 * Arguments, constants, variables and value cloning. Values belong to the current computation
 * (the one most recently created).
 */
#ifndef _ODLA_OPERATOR_OPS_BASIC_H_
#define _ODLA_OPERATOR_OPS_BASIC_H_
#include <ODLA/odla_common.h>
#include <ODLA/odla_value.h>
#ifdef __cplusplus
extern "C" {
#endif


/* Declares an input of the current computation; its data is bound per execution. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_CreateArgument(
    const odla_value_type value_type, const odla_value_id value_id);

extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_CreateValue(
    const odla_value_type value_type, const odla_value_id value_id);

/* Declares a constant of the current computation from data_ptr (element type and shape from value_type). */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL
odla_CreateConstant(const odla_value_type value_type, const odla_void* data_ptr,
                    const odla_value_id value_id);

extern ODLA_API_EXPORT odla_value ODLA_API_CALL
odla_CloneValue(const odla_value src_value, const odla_value_id value_id);

extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_CloneValueById(
    const odla_value_id src_value_id, const odla_value_id value_id);

extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_CreateVariable(
    const odla_value_type value_type, const odla_value_id value_id);
#ifdef __cplusplus
}
#endif
#endif /* include guard */
