/* Halo.NET ODLA headers (Apache-2.0). Same API as ODLA (Open Deep Learning API) 0.5.
 *
 * Includes every operator header.
 */
#ifndef _ODLA_OPS_H_
#define _ODLA_OPS_H_
#include <ODLA/odla_ops_basic.h>
#include <ODLA/odla_ops_control_flow.h>
#include <ODLA/odla_ops_custom.h>
#include <ODLA/odla_ops_math.h>
#include <ODLA/odla_ops_nn.h>
#include <ODLA/odla_ops_process.h>
#include <ODLA/odla_ops_quantization.h>
#include <ODLA/odla_ops_training.h>
#endif /* include guard */
