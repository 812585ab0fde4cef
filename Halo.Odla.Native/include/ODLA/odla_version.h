/* Halo.NET ODLA headers (Apache-2.0). Same API as ODLA (Open Deep Learning API) 0.5.
 *
 * API version numbers.
 */
#ifndef _ODLA_VERSION_H_
#define _ODLA_VERSION_H_
#ifdef __cplusplus
extern "C" {
#endif

#define ODLA_MAJOR 0
#define ODLA_MINOR 5
#define ODLA_PATCH 0
#define ODLA_VERSION_NUMBER ((ODLA_MAJOR)*100 + (ODLA_MINOR)*10 + (ODLA_PATCH))

extern ODLA_API_EXPORT const char* ODLA_API_CALL odla_GetVersionString(void);
#ifdef __cplusplus
}
#endif
#endif /* include guard */
