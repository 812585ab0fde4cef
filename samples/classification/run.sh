#!/usr/bin/env bash
# Image classification with a compiled torchvision model: compiles MODEL (default squeezenet1_1) to ODLA C++ and to
# C, builds each with main.cc against the reference runtime, runs it on the corpus test input and checks the result
# against the reference output.  Usage: samples/classification/run.sh [MODEL] [OUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
model="${1:-squeezenet1_1}"
case_dir="$root/../shared/corpora/torchvision/$model"
out="${2:-$root/artifacts/classification/$model}"

bash "$root/eng/install-prereqs.sh"
dotnet build "$root/Halo.Cli/Halo.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
bin="$root/Halo.Cli/bin/Release/net10.0"
include="$bin/odla/include"
lib="$bin/runtimes/linux-x64/native"

for target in cxx cc; do
  dir="$out/$target"
  mkdir -p "$dir"
  ext=$([ "$target" = cc ] && echo c || echo cc)
  dotnet "$bin/halo.dll" compile "$case_dir/model.onnx" --target "$target" --entry-func-name classifier -o "$dir/classifier.$ext"
  if [ "$target" = cc ]; then
    gcc -std=c99 -O2 -Wall -Wextra -Werror -I"$include" -c "$dir/classifier.c" -o "$dir/classifier.o"
  else
    g++ -std=c++17 -O2 -Wall -Wextra -Werror -I"$include" -c "$dir/classifier.cc" -o "$dir/classifier.o"
  fi
  g++ -std=c++17 -O2 -Wall -Wextra -Werror -I"$dir" -I"$root/samples/classification" \
    -c "$root/samples/classification/main.cc" -o "$dir/main.o"
  g++ -o "$dir/classification" "$dir/main.o" "$dir/classifier.o" "$dir/classifier.bin" \
    -L"$lib" -lodla_reference -Wl,-rpath,"$lib"
  echo "== $model, --target $target"
  "$dir/classification" "$case_dir/test_data_set_0/input_0.pb" "$case_dir/test_data_set_0/output_0.pb"
done
