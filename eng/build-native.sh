#!/usr/bin/env bash
# Builds the native ODLA reference runtime and its test program without dotnet (the same CMake build the
# Halo.Odla.Native project runs), then prints the include directory, the library and the test program.
# Usage: eng/build-native.sh [Debug|Release]   (default Release)
set -euo pipefail
cd "$(dirname "$0")/.."
configuration="${1:-Release}"
case "$configuration" in
  Debug|Release) ;;
  *) echo "usage: $0 [Debug|Release]" >&2; exit 2 ;;
esac
if ! command -v cmake >/dev/null 2>&1; then
  echo "error: cmake not found on PATH; the native ODLA runtime needs CMake 3.16+ and a C/C++ compiler (apt-get install cmake g++)" >&2
  exit 1
fi
source_dir="$PWD/Halo.Odla.Native"
build_dir="$source_dir/obj/native/$configuration"
if ! cmake -S "$source_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE="$configuration" -DODLA_BUILD_TESTS=ON >/dev/null; then
  echo "error: CMake could not configure $source_dir (is a C and C++ compiler installed? apt-get install g++)" >&2
  exit 1
fi
cmake --build "$build_dir" --parallel "${HALO_ODLA_NATIVE_PARALLEL:-2}" >&2
echo "include: $source_dir/include"
echo "library: $build_dir/libodla_reference.so"
echo "tests: $build_dir/odla_reference_tests"
