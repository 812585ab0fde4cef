// GridSample over 1 to 3 spatial dimensions (Halo extension, odla_ops_halo.h), after the ONNX reference
// implementation: per spatial dimension a few taps (1 nearest, 2 linear, 4 cubic) whose tensor product is summed.
#include <ODLA/odla_ops_halo.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

constexpr size_t kMaxTaps = 4;

struct Taps {
  std::array<int64_t, kMaxTaps> index{};  // -1: outside (zeros padding)
  std::array<double, kMaxTaps> weight{};
  size_t count = 0;
};

struct GridGeometry {
  odla_halo_grid_mode mode;
  odla_halo_padding_mode padding;
  bool align_corners;
  Dims spatial;  // input D1..Dk
};

// ONNX: the reflection borders are the outer pixel edges, or the pixel centers with align_corners.
double Reflect(double x, double low, double high) {
  const double range = high - low;
  if (range <= 0) return low;
  if (x < low) {
    const double dx = low - x;
    const int64_t n = static_cast<int64_t>(dx / range);
    const double r = dx - static_cast<double>(n) * range;
    return n % 2 == 0 ? low + r : high - r;
  }
  if (x > high) {
    const double dx = x - high;
    const int64_t n = static_cast<int64_t>(dx / range);
    const double r = dx - static_cast<double>(n) * range;
    return n % 2 == 0 ? high - r : low + r;
  }
  return x;
}

// The input index that pixel i reads, or -1 for a zero.
int64_t MapIndex(int64_t i, int64_t extent, const GridGeometry& g) {
  if (i >= 0 && i < extent) return i;
  switch (g.padding) {
    case ODLA_HALO_PADDING_BORDER: return i < 0 ? 0 : extent - 1;
    case ODLA_HALO_PADDING_REFLECTION: {
      const double low = g.align_corners ? 0.0 : -0.5;
      const double high = g.align_corners ? static_cast<double>(extent - 1) : static_cast<double>(extent) - 0.5;
      const int64_t r = static_cast<int64_t>(Reflect(static_cast<double>(i), low, high));
      return r < 0 ? 0 : (r >= extent ? extent - 1 : r);
    }
    default: return -1;
  }
}

void CubicCoefficients(double t, std::array<double, kMaxTaps>& c) {
  constexpr double a = -0.75;
  const double x = std::fabs(t);
  c[0] = ((a * (x + 1) - 5 * a) * (x + 1) + 8 * a) * (x + 1) - 4 * a;
  c[1] = ((a + 2) * x - (a + 3)) * x * x + 1;
  c[2] = ((a + 2) * (1 - x) - (a + 3)) * (1 - x) * (1 - x) + 1;
  c[3] = ((a * (2 - x) - 5 * a) * (2 - x) + 8 * a) * (2 - x) - 4 * a;
}

Taps TapsAt(double normalized, int64_t extent, const GridGeometry& g) {
  const double length = static_cast<double>(extent);
  double x = g.align_corners ? (normalized + 1) / 2.0 * (length - 1) : ((normalized + 1) * length - 1) / 2.0;
  if (g.mode == ODLA_HALO_GRID_NEAREST) x = std::nearbyint(x);  // ONNX: numpy rint, ties to even
  const double low = g.align_corners ? 0.0 : -0.5, high = g.align_corners ? length - 1 : length - 0.5;
  if (x < low || x > high) {
    if (g.padding == ODLA_HALO_PADDING_BORDER) x = x < 0 ? 0 : (x > length - 1 ? length - 1 : x);
    if (g.padding == ODLA_HALO_PADDING_REFLECTION) x = Reflect(x, low, high);
  }
  Taps taps;
  if (g.mode == ODLA_HALO_GRID_NEAREST) {
    taps.count = 1;
    taps.index[0] = MapIndex(static_cast<int64_t>(x), extent, g);  // truncation, as numpy's astype(int32)
    taps.weight[0] = 1;
    return taps;
  }
  const double floor_x = std::floor(x);
  const int64_t x0 = static_cast<int64_t>(floor_x);
  const double t = x - floor_x;
  if (g.mode == ODLA_HALO_GRID_LINEAR) {
    taps.count = 2;
    taps.weight = {1 - t, t, 0, 0};
    for (size_t k = 0; k < 2; ++k) taps.index[k] = MapIndex(x0 + static_cast<int64_t>(k), extent, g);
    return taps;
  }
  taps.count = 4;
  CubicCoefficients(t, taps.weight);
  for (size_t k = 0; k < 4; ++k) taps.index[k] = MapIndex(x0 - 1 + static_cast<int64_t>(k), extent, g);
  return taps;
}

template <typename T>
void Sample(const T* x, const T* grid, T* y, int64_t batch, int64_t channels, int64_t points, const GridGeometry& g) {
  const size_t k = g.spatial.size();
  const Dims strides = odla_ref::Strides(g.spatial);
  const int64_t plane = TensorType{ODLA_FLOAT32, g.spatial}.Count();
  std::vector<Taps> taps(k);
  std::vector<size_t> counter(k);
  for (int64_t n = 0; n < batch; ++n)
    for (int64_t p = 0; p < points; ++p) {
      const T* coordinates = grid + (n * points + p) * static_cast<int64_t>(k);
      // ONNX: the grid lists the innermost dimension first.
      for (size_t d = 0; d < k; ++d)
        taps[d] = TapsAt(static_cast<double>(coordinates[k - 1 - d]), g.spatial[d], g);
      for (int64_t c = 0; c < channels; ++c) {
        const T* src = x + (n * channels + c) * plane;
        double sum = 0;
        std::fill(counter.begin(), counter.end(), 0);
        for (bool more = true; more;) {
          double weight = 1;
          int64_t offset = 0;
          for (size_t d = 0; d < k && offset >= 0; ++d) {
            const int64_t i = taps[d].index[counter[d]];
            weight *= taps[d].weight[counter[d]];
            offset = i < 0 ? -1 : offset + i * strides[d];
          }
          if (offset >= 0) sum += weight * static_cast<double>(src[offset]);
          more = false;
          for (size_t d = k; d-- > 0;) {
            if (++counter[d] < taps[d].count) {
              more = true;
              break;
            }
            counter[d] = 0;
          }
        }
        y[(n * channels + c) * points + p] = static_cast<T>(sum);
      }
    }
}

}  // namespace

extern "C" {

odla_value odla_HaloGridSample(odla_value input, odla_value grid, odla_halo_grid_mode mode,
                               odla_halo_padding_mode padding_mode, odla_bool align_corners,
                               odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloGridSample";
    CheckInput(input, op, 0);
    CheckInput(grid, op, 1);
    const Dims& dims = input->type.dims;
    const Dims& grid_dims = grid->type.dims;
    if (dims.size() < 3 || grid_dims.size() != dims.size() || grid_dims.back() != static_cast<int64_t>(dims.size() - 2) ||
        grid_dims[0] != dims[0])
      Fail(ODLA_INVALID_PARAM, "odla_HaloGridSample: expected input [N, C, D1..Dk] and grid [N, H1..Hk, k]");
    if (grid->type.element_type != input->type.element_type)
      Fail(ODLA_INVALID_PARAM, "odla_HaloGridSample: the grid's element type differs from the input's");
    if (mode > ODLA_HALO_GRID_CUBIC || padding_mode > ODLA_HALO_PADDING_REFLECTION)
      Fail(ODLA_INVALID_PARAM, "odla_HaloGridSample: unknown mode or padding mode");
    Dims out{dims[0], dims[1]};
    out.insert(out.end(), grid_dims.begin() + 1, grid_dims.end() - 1);
    const GridGeometry geometry{mode, padding_mode, align_corners != 0, Dims(dims.begin() + 2, dims.end())};
    const int64_t batch = dims[0], channels = dims[1];
    const int64_t points = TensorType{ODLA_FLOAT32, Dims(grid_dims.begin() + 1, grid_dims.end() - 1)}.Count();
    odla_ref::Kernel kernel;
    odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        Sample(static_cast<const T*>(in[0]), static_cast<const T*>(in[1]), static_cast<T*>(res[0]), batch, channels, points,
               geometry);
      };
    });
    return odla_ref::AddNode1(op, {input, grid},
                              TensorType{input->type.element_type, odla_ref::ResolveOutputDims(out, output_dims, op)},
                              value_id, std::move(kernel));
  });
}

}  // extern "C"
