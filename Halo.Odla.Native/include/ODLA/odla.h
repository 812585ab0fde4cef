/* Halo.NET ODLA headers (Apache-2.0). Same API as ODLA (Open Deep Learning API) 0.5.
 *
 * Umbrella header: includes every ODLA header. Generated model code includes only this file.
 */
#ifndef _ODLA_H_
#define _ODLA_H_
#include <ODLA/odla_common.h>
#include <ODLA/odla_compute.h>
#include <ODLA/odla_device.h>
#include <ODLA/odla_log.h>
#include <ODLA/odla_memory.h>
#include <ODLA/odla_ops.h>
#include <ODLA/odla_profiler.h>
#include <ODLA/odla_task.h>
#include <ODLA/odla_value.h>
#include <ODLA/odla_version.h>
#endif /* include guard */
