// ReverseSequence (Halo extension, odla_ops_halo.h).
#include <ODLA/odla_ops_halo.h>

#include <cstring>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;

extern "C" {

odla_value odla_HaloReverseSequence(odla_value input, odla_value sequence_lens, odla_int32 batch_axis,
                                    odla_int32 time_axis, const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloReverseSequence";
    CheckInput(input, op, 0);
    CheckInput(sequence_lens, op, 1);
    odla_ref::RequireIndexType(sequence_lens->type.element_type, op);
    const Dims dims = input->type.dims;
    const size_t b = static_cast<size_t>(odla_ref::NormalizeAxis(batch_axis, dims.size(), op));
    const size_t t = static_cast<size_t>(odla_ref::NormalizeAxis(time_axis, dims.size(), op));
    if (b == t || sequence_lens->type.Count() != dims[b])
      Fail(ODLA_INVALID_PARAM, "odla_HaloReverseSequence: sequence_lens needs one length per batch entry");
    const Dims strides = odla_ref::Strides(dims);
    const int64_t count = input->type.Count();
    const size_t element = odla_ref::ElementSize(input->type.element_type);
    const odla_element_type length_type = sequence_lens->type.element_type;
    return odla_ref::AddNode1(op, {input, sequence_lens}, input->type, value_id,
                              [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
                                const char* x = static_cast<const char*>(in[0]);
                                char* y = static_cast<char*>(res[0]);
                                for (int64_t o = 0; o < count; ++o) {
                                  const int64_t batch = o / strides[b] % dims[b], time = o / strides[t] % dims[t];
                                  int64_t length = odla_ref::ReadIndex(in[1], length_type, batch);
                                  length = length < 0 ? 0 : (length > dims[t] ? dims[t] : length);
                                  const int64_t from = time < length ? o + (length - 1 - 2 * time) * strides[t] : o;
                                  std::memcpy(y + o * static_cast<int64_t>(element), x + from * static_cast<int64_t>(element),
                                              element);
                                }
                              });
  });
}

}  // extern "C"
