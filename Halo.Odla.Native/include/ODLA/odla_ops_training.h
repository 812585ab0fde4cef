/* Halo.NET ODLA headers (Apache-2.0). Same API as ODLA (Open Deep Learning API) 0.5.
 *
 * Training-specific operators (none are defined in this API version).
 */
#ifndef _ODLA_OPERATOR_OPS_TRAINING_H_
#define _ODLA_OPERATOR_OPS_TRAINING_H_
#include <ODLA/odla_common.h>
#include <ODLA/odla_value.h>
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif /* include guard */
