#!/usr/bin/env bash
# The MNIST walkthrough (HALO's main flow): compile the TensorFlow MNIST model to ODLA C++,
# build it with main.cc against the reference ODLA runtime, run it over the 10,000 test images.
# Usage: samples/mnist/run.sh [OUT_DIR]   (default artifacts/mnist)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="$root/../shared"
out="${1:-$root/artifacts/mnist}"
mkdir -p "$out"

bash "$root/eng/install-prereqs.sh"
# Builds the halo tool and, through Halo.Odla.Native, the reference runtime and the ODLA headers.
dotnet build "$root/Halo.Cli/Halo.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
bin="$root/Halo.Cli/bin/Release/net10.0"
include="$bin/odla/include"
lib="$bin/runtimes/linux-x64/native"

dotnet "$bin/halo.dll" compile "$shared/corpora/tf/mnist_simple/model.pb" \
  --target cxx --entry-func-name mnist_simple -o "$out/mnist_simple.cc"

flags=(-std=c++17 -O2 -Wall -Wextra -Werror)
g++ "${flags[@]}" -I"$include" -c "$out/mnist_simple.cc" -o "$out/mnist_simple.o"
g++ "${flags[@]}" -I"$out" -c "$root/samples/mnist/main.cc" -o "$out/main.o"
g++ -o "$out/mnist" "$out/main.o" "$out/mnist_simple.o" "$out/mnist_simple.bin" \
  -L"$lib" -lodla_reference -Wl,-rpath,"$lib" -lz

"$out/mnist" "$shared/corpora/datasets/mnist-test"
