// DFT and STFT by direct summation in double precision (Halo extension, odla_ops_halo.h).
#include <ODLA/odla_ops_halo.h>

#include <cmath>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::TensorType;

namespace {

constexpr double kPi = 3.14159265358979323846;

// out[j] (j < bins) = sum_t x[t] e^(-+2 pi i j t / length) over the `available` samples (the rest are zeros).
template <typename Read>
void Transform(Read&& read, int64_t available, int64_t length, int64_t bins, bool inverse, double* re, double* im) {
  const double sign = inverse ? 1.0 : -1.0;
  for (int64_t j = 0; j < bins; ++j) {
    double sr = 0, si = 0;
    for (int64_t t = 0; t < available && t < length; ++t) {
      double xr = 0, xi = 0;
      read(t, xr, xi);
      const double angle = sign * 2 * kPi * static_cast<double>((j * t) % length) / static_cast<double>(length);
      sr += xr * std::cos(angle) - xi * std::sin(angle);
      si += xr * std::sin(angle) + xi * std::cos(angle);
    }
    re[j] = inverse ? sr / static_cast<double>(length) : sr;
    im[j] = inverse ? si / static_cast<double>(length) : si;
  }
}

void CheckSignal(const Dims& dims, const char* op) {
  if (dims.size() < 2 || (dims.back() != 1 && dims.back() != 2))
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": the last dimension must hold 1 (real) or 2 (complex) components");
}

}  // namespace

extern "C" {

odla_value odla_HaloDFT(odla_value input, odla_int32 axis, odla_uint32 dft_length, odla_bool inverse, odla_bool onesided,
                        odla_value_shape output_dims, const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloDFT";
    CheckInput(input, op, 0);
    const Dims dims = input->type.dims;
    CheckSignal(dims, op);
    // ONNX: a negative axis counts from the back of the whole rank; the component dimension cannot be the axis.
    const size_t a = static_cast<size_t>(odla_ref::NormalizeAxis(axis, dims.size(), op));
    if (a + 1 >= dims.size()) Fail(ODLA_INVALID_PARAM, "odla_HaloDFT: the axis is the component dimension");
    const int64_t extent = dims[a], length = dft_length == 0 ? extent : static_cast<int64_t>(dft_length);
    const int64_t bins = onesided != 0 ? length / 2 + 1 : length, components = dims.back();
    Dims out = dims;
    out[a] = bins;
    out.back() = 2;
    int64_t outer = 1, inner = 1;
    for (size_t d = 0; d < a; ++d) outer *= dims[d];
    for (size_t d = a + 1; d + 1 < dims.size(); ++d) inner *= dims[d];
    const bool backwards = inverse != 0;
    odla_ref::Kernel kernel;
    odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const T* x = static_cast<const T*>(in[0]);
        T* y = static_cast<T*>(res[0]);
        std::vector<double> re(static_cast<size_t>(bins)), im(static_cast<size_t>(bins));
        for (int64_t o = 0; o < outer; ++o)
          for (int64_t i = 0; i < inner; ++i) {
            auto read = [&](int64_t t, double& xr, double& xi) {
              const T* at = x + ((o * extent + t) * inner + i) * components;
              xr = static_cast<double>(at[0]);
              xi = components == 2 ? static_cast<double>(at[1]) : 0.0;
            };
            Transform(read, extent, length, bins, backwards, re.data(), im.data());
            for (int64_t j = 0; j < bins; ++j) {
              T* at = y + ((o * bins + j) * inner + i) * 2;
              at[0] = static_cast<T>(re[static_cast<size_t>(j)]);
              at[1] = static_cast<T>(im[static_cast<size_t>(j)]);
            }
          }
      };
    });
    return odla_ref::AddNode1(op, {input}, TensorType{input->type.element_type, odla_ref::ResolveOutputDims(out, output_dims, op)},
                              value_id, std::move(kernel));
  });
}

odla_value odla_HaloSTFT(odla_value signal, odla_value window, odla_uint32 frame_step, odla_uint32 frame_length,
                         odla_bool onesided, odla_value_shape output_dims, const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloSTFT";
    CheckInput(signal, op, 0);
    const Dims dims = signal->type.dims;
    CheckSignal(dims, op);
    if (dims.size() != 3 || frame_step == 0 || frame_length == 0 || frame_length > dims[1])
      Fail(ODLA_INVALID_PARAM, "odla_HaloSTFT: expected signal [batch, length, 1 or 2] and 0 < frame_length <= length");
    if (window != nullptr) {
      CheckInput(window, op, 1);
      if (window->type.Count() != frame_length || window->type.element_type != signal->type.element_type)
        Fail(ODLA_INVALID_PARAM, "odla_HaloSTFT: the window must hold frame_length elements of the signal's type");
    }
    const int64_t batch = dims[0], length = dims[1], components = dims[2], size = frame_length, step = frame_step;
    const int64_t frames = (length - size) / step + 1, bins = onesided != 0 ? size / 2 + 1 : size;
    const Dims out{batch, frames, bins, 2};
    const bool windowed = window != nullptr;
    std::vector<odla_value> inputs{signal};
    if (windowed) inputs.push_back(window);
    odla_ref::Kernel kernel;
    odla_ref::DispatchFloat(signal->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const T* x = static_cast<const T*>(in[0]);
        const T* w = windowed ? static_cast<const T*>(in[1]) : nullptr;
        T* y = static_cast<T*>(res[0]);
        std::vector<double> re(static_cast<size_t>(bins)), im(static_cast<size_t>(bins));
        for (int64_t b = 0; b < batch; ++b)
          for (int64_t f = 0; f < frames; ++f) {
            auto read = [&](int64_t t, double& xr, double& xi) {
              const T* at = x + (b * length + f * step + t) * components;
              const double scale = w == nullptr ? 1.0 : static_cast<double>(w[t]);
              xr = static_cast<double>(at[0]) * scale;
              xi = components == 2 ? static_cast<double>(at[1]) * scale : 0.0;
            };
            Transform(read, size, size, bins, false, re.data(), im.data());
            for (int64_t j = 0; j < bins; ++j) {
              T* at = y + ((b * frames + f) * bins + j) * 2;
              at[0] = static_cast<T>(re[static_cast<size_t>(j)]);
              at[1] = static_cast<T>(im[static_cast<size_t>(j)]);
            }
          }
      };
    });
    return odla_ref::AddNode1(op, inputs, TensorType{signal->type.element_type, odla_ref::ResolveOutputDims(out, output_dims, op)},
                              value_id, std::move(kernel));
  });
}

}  // extern "C"
