// Broadcast shape rules shared by the elementwise operators.
#include "broadcast.h"

namespace odla_ref {

Dims BroadcastDims(const Dims& a, const Dims& b, const char* op) {
  const size_t rank = std::max(a.size(), b.size());
  Dims out(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    // ONNX: dimensions broadcast when equal or when one of them is 1.
    if (da != db && da != 1 && db != 1)
      Fail(ODLA_INVALID_PARAM, std::string(op) + ": shapes " + DimsToString(a) + " and " + DimsToString(b) +
                                   " do not broadcast");
    out[i] = da == 1 ? db : da;
  }
  return out;
}

Dims BroadcastStrides(const Dims& in, const Dims& out) {
  Dims strides(out.size(), 0);
  Dims own = Strides(in);
  const size_t offset = out.size() - in.size();
  for (size_t i = 0; i < in.size(); ++i) strides[i + offset] = in[i] == 1 ? 0 : own[i];
  return strides;
}

}  // namespace odla_ref
