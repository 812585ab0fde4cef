/* Halo.NET ODLA headers (Apache-2.0). Same API as ODLA (Open Deep Learning API) 0.5.
 *
 * Scalar C types, element types, status codes and the export/calling-convention macros.
 */
#ifndef _ODLA_COMMON_H_
#define _ODLA_COMMON_H_
#ifdef __cplusplus
extern "C" {
#endif

/* Fixed-width scalar types (the compiler's predefined width macros avoid <stdint.h>). */
#if (defined(_WIN32) && defined(_MSC_VER))
typedef signed __int8 odla_int8;
typedef signed __int16 odla_int16;
typedef signed __int32 odla_int32;
typedef signed __int64 odla_int64;
typedef unsigned __int8 odla_uint8;
typedef unsigned __int16 odla_uint16;
typedef unsigned __int32 odla_uint32;
typedef unsigned __int64 odla_uint64;
typedef signed __int8 odla_qint8;
typedef signed __int16 odla_qint16;
typedef signed __int32 odla_qint32;
typedef signed __int64 odla_qint64;
typedef unsigned __int8 odla_quint8;
typedef unsigned __int16 odla_quint16;
typedef unsigned __int32 odla_quint32;
typedef unsigned __int64 odla_quint64;
typedef unsigned __int16 odla_float16;  /* IEEE half, stored as its bits */
typedef unsigned __int16 odla_bfloat16; /* bfloat16, stored as its bits */
#else
typedef __INT8_TYPE__ odla_int8;
typedef __INT16_TYPE__ odla_int16;
typedef __INT32_TYPE__ odla_int32;
typedef __INT64_TYPE__ odla_int64;
typedef __UINT8_TYPE__ odla_uint8;
typedef __UINT16_TYPE__ odla_uint16;
typedef __UINT32_TYPE__ odla_uint32;
typedef __UINT64_TYPE__ odla_uint64;
typedef __INT8_TYPE__ odla_qint8;
typedef __INT16_TYPE__ odla_qint16;
typedef __INT32_TYPE__ odla_qint32;
typedef __INT64_TYPE__ odla_qint64;
typedef __UINT8_TYPE__ odla_quint8;
typedef __UINT16_TYPE__ odla_quint16;
typedef __UINT32_TYPE__ odla_quint32;
typedef __UINT64_TYPE__ odla_quint64;
typedef __UINT16_TYPE__ odla_float16;  /* IEEE half, stored as its bits */
typedef __UINT16_TYPE__ odla_bfloat16; /* bfloat16, stored as its bits */
#endif
typedef float odla_float32;
typedef double odla_float64;
typedef const char* odla_string; /* NUL-terminated */

#ifndef NULL
#ifdef __cplusplus
#define NULL 0
#else
#define NULL ((void*)0)
#endif
#endif

/* A boolean scalar passed to API functions (tensor elements of ODLA_BOOL are one byte). */
typedef odla_uint32 odla_bool;

/* Tensor element types. The numeric values are part of the ABI. */
typedef enum {
  ODLA_INT8,
  ODLA_INT16,
  ODLA_INT32,
  ODLA_INT64,
  ODLA_UINT8,
  ODLA_UINT16,
  ODLA_UINT32,
  ODLA_UINT64,

  ODLA_QINT8,
  ODLA_QINT16,
  ODLA_QINT32,
  ODLA_QINT64,
  ODLA_QUINT8,
  ODLA_QUINT16,
  ODLA_QUINT32,
  ODLA_QUINT64,

  ODLA_FLOAT16,
  ODLA_BFLOAT16,
  ODLA_FLOAT32,
  ODLA_FLOAT64,

  ODLA_BOOL,
  ODLA_STRING,
} odla_element_type;

typedef char odla_char;

typedef __SIZE_TYPE__ odla_size_t;

typedef void odla_void;

/* Result of every status-returning API function. The numeric values are part of the ABI. */
typedef enum {
  ODLA_SUCCESS,
  ODLA_DL_ERROR,                /* loading a shared library failed */
  ODLA_FILE_NOT_EXIST,
  ODLA_INVALID_PARAM,           /* bad argument, e.g. a null handle */
  ODLA_MEM_ERROR,               /* allocation failed */
  ODLA_UNSUPPORTED_DATATYPE,
  ODLA_UNSUPPORTED_DEVICE_TYPE,
  ODLA_UNSUPPORTED_OP,          /* the runtime does not implement the operator */
  ODLA_TIMEOUT,
  ODLA_INTERNAL_LOGIC_ERR,
  ODLA_RECOVERABLE_ERR,         /* recovers by itself */
  ODLA_PARTITION_RESET,         /* needs a partition reset */
  ODLA_FULL_RESET,              /* needs a full reset */
  ODLA_UNRECOVERABLE_ERR,
  ODLA_FAILURE,
} odla_status;

#if defined(_WIN32)
#define ODLA_API_EXPORT __declspec(dllexport)
#define ODLA_API_CALL __stdcall
#elif defined(__GNUC__)
/* Runtimes build with -fvisibility=hidden; only API functions are exported. */
#define ODLA_API_EXPORT __attribute__((visibility("default")))
#define ODLA_API_CALL
#else
#define ODLA_API_EXPORT
#define ODLA_API_CALL
#endif

/* Marks a GNU extension (an anonymous union in C99) so that -pedantic builds stay clean. */
#if defined(__GNUC__) && !defined(__cplusplus)
#define ODLA_EXTENSION __extension__
#else
#define ODLA_EXTENSION
#endif

#ifdef __cplusplus
} /* extern "C" */
#endif
#endif /* include guard */
