// HALO_MULTIVERSION: on x86-64 with GCC, a function so marked is also built for AVX2+FMA (x86-64-v3) and AVX-512
// (x86-64-v4), and the loader picks the best clone for the machine (target_clones); elsewhere it is a plain
// function. Define HALO_ODLA_NO_MULTIVERSION to turn it off (sanitizers that cannot run ifunc resolvers).
#ifndef HALO_ODLA_REFERENCE_MULTIVERSION_H_
#define HALO_ODLA_REFERENCE_MULTIVERSION_H_

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(HALO_ODLA_NO_MULTIVERSION)
#define HALO_MULTIVERSION __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define HALO_MULTIVERSION
#endif

#endif  // HALO_ODLA_REFERENCE_MULTIVERSION_H_
