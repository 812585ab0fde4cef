// ScatterElements and ScatterND with the ONNX reductions (Halo extension, odla_ops_halo.h).
#include <ODLA/odla_ops_halo.h>

#include <algorithm>
#include <cstring>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

int64_t CheckedIndex(int64_t index, int64_t extent, const char* op) {
  if (index < -extent || index >= extent)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": index " + std::to_string(index) + " is out of range for extent " +
                                 std::to_string(extent));
  return index < 0 ? index + extent : index;
}

template <typename T>
void Combine(T& target, T update, odla_halo_scatter_reduction reduction) {
  switch (reduction) {
    case ODLA_HALO_SCATTER_ADD: target = static_cast<T>(target + update); break;
    case ODLA_HALO_SCATTER_MUL: target = static_cast<T>(target * update); break;
    case ODLA_HALO_SCATTER_MAX: target = std::max(target, update); break;
    case ODLA_HALO_SCATTER_MIN: target = std::min(target, update); break;
    default: target = update; break;
  }
}

void CheckOperands(const char* op, odla_value data, odla_value indices, odla_value updates,
                   odla_halo_scatter_reduction reduction) {
  CheckInput(data, op, 0);
  CheckInput(indices, op, 1);
  CheckInput(updates, op, 2);
  odla_ref::RequireIndexType(indices->type.element_type, op);
  if (updates->type.element_type != data->type.element_type)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": updates and data have different element types");
  if (reduction > ODLA_HALO_SCATTER_MIN) Fail(ODLA_INVALID_PARAM, std::string(op) + ": unknown reduction");
}

}  // namespace

extern "C" {

odla_value odla_HaloScatterElements(odla_value data, odla_value indices, odla_value updates, odla_int32 axis,
                                    odla_halo_scatter_reduction reduction, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloScatterElements";
    CheckOperands(op, data, indices, updates, reduction);
    const Dims dims = data->type.dims, idx = indices->type.dims;
    if (idx != updates->type.dims || idx.size() != dims.size())
      Fail(ODLA_INVALID_PARAM, "odla_HaloScatterElements: indices and updates must have one shape of the data's rank");
    const size_t a = static_cast<size_t>(odla_ref::NormalizeAxis(axis, dims.size(), op));
    const Dims strides = odla_ref::Strides(dims);
    const int64_t total = data->type.Count(), count = indices->type.Count();
    const odla_element_type index_type = indices->type.element_type;
    odla_ref::Kernel kernel;
    odla_ref::DispatchAll(data->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        T* y = static_cast<T*>(res[0]);
        std::memcpy(y, in[0], static_cast<size_t>(total) * sizeof(T));
        const T* u = static_cast<const T*>(in[2]);
        for (int64_t o = 0; o < count; ++o) {
          int64_t rest = o, offset = 0;
          for (size_t d = idx.size(); d-- > 0;) {
            int64_t i = rest % idx[d];
            rest /= idx[d];
            if (d == a) i = CheckedIndex(odla_ref::ReadIndex(in[1], index_type, o), dims[d], op);
            offset += i * strides[d];
          }
          Combine(y[offset], u[o], reduction);
        }
      };
    });
    return odla_ref::AddNode1(op, {data, indices, updates}, data->type, value_id, std::move(kernel));
  });
}

odla_value odla_HaloScatterND(odla_value data, odla_value indices, odla_value updates,
                              odla_halo_scatter_reduction reduction, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloScatterND";
    CheckOperands(op, data, indices, updates, reduction);
    const Dims dims = data->type.dims, idx = indices->type.dims;
    if (idx.empty()) Fail(ODLA_INVALID_PARAM, "odla_HaloScatterND: indices must have rank 1 or more");
    const size_t k = static_cast<size_t>(idx.back());
    if (k > dims.size()) Fail(ODLA_INVALID_PARAM, "odla_HaloScatterND: index tuples are longer than the data rank");
    // ONNX: updates.shape = indices.shape[:-1] + data.shape[k:].
    Dims expected(idx.begin(), idx.end() - 1);
    expected.insert(expected.end(), dims.begin() + static_cast<int64_t>(k), dims.end());
    if (updates->type.dims != expected) Fail(ODLA_INVALID_PARAM, "odla_HaloScatterND: updates have the wrong shape");
    int64_t slice = 1;
    for (size_t d = k; d < dims.size(); ++d) slice *= dims[d];
    const Dims strides = odla_ref::Strides(dims);
    const int64_t total = data->type.Count(), tuples = TensorType{ODLA_FLOAT32, Dims(idx.begin(), idx.end() - 1)}.Count();
    const odla_element_type index_type = indices->type.element_type;
    odla_ref::Kernel kernel;
    odla_ref::DispatchAll(data->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        T* y = static_cast<T*>(res[0]);
        std::memcpy(y, in[0], static_cast<size_t>(total) * sizeof(T));
        const T* u = static_cast<const T*>(in[2]);
        for (int64_t t = 0; t < tuples; ++t) {
          int64_t offset = 0;
          for (size_t j = 0; j < k; ++j) {
            const int64_t i = odla_ref::ReadIndex(in[1], index_type, t * static_cast<int64_t>(k) + static_cast<int64_t>(j));
            offset += CheckedIndex(i, dims[j], op) * strides[j];
          }
          for (int64_t s = 0; s < slice; ++s) Combine(y[offset + s], u[t * slice + s], reduction);
        }
      };
    });
    return odla_ref::AddNode1(op, {data, indices, updates}, data->type, value_id, std::move(kernel));
  });
}

}  // extern "C"
