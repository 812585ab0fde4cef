// NegativeLogLikeliHoodLoss against hand-computed ONNX results.
#include <climits>

#include "framework.h"

namespace odla_test {
namespace {

// input [2, 3] (N x C): row 0 = {-1, -2, -3}, row 1 = {-4, -5, -6}.
const std::vector<float> kInput{-1, -2, -3, -4, -5, -6};

ODLA_TEST(NegativeLogLikeliHoodLoss_NoReduction_PicksTargetClass) {
  std::vector<int64_t> gt{2, 0};
  Session session;
  odla_value y = odla_NegativeLogLikeliHoodLoss(session.Arg({2, 3}, kInput), session.Arg(ODLA_INT64, {2}, gt), INT_MIN,
                                                ODLA_REDUCE_NONE, nullptr, Undefined(), nullptr);
  CheckClose(std::vector<float>{3, 4}, session.Run(y, {2}));
}

ODLA_TEST(NegativeLogLikeliHoodLoss_WeightedMean_DividesBySummedWeights) {
  std::vector<int32_t> gt{2, 0};
  std::vector<float> weight{0.5f, 1, 2};
  Session session;
  odla_value y = odla_NegativeLogLikeliHoodLoss(session.Arg({2, 3}, kInput), session.Arg(ODLA_INT32, {2}, gt), INT_MIN,
                                                ODLA_REDUCE_MEAN, session.Const({3}, weight), Shape({}), nullptr);
  CheckClose(std::vector<float>{(3 * 2 + 4 * 0.5f) / 2.5f}, session.Run(y, {}));
}

ODLA_TEST(NegativeLogLikeliHoodLoss_IgnoredTarget_CountsNothing) {
  std::vector<int64_t> gt{-1, 1};
  Session session;
  odla_value y = odla_NegativeLogLikeliHoodLoss(session.Arg({2, 3}, kInput), session.Arg(ODLA_INT64, {2}, gt), -1,
                                                ODLA_REDUCE_MEAN, nullptr, Undefined(), nullptr);
  CheckClose(std::vector<float>{5}, session.Run(y, {}));
}

ODLA_TEST(NegativeLogLikeliHoodLoss_SpatialSum_Double) {
  // input [1, 2, 2] (N x C x d1): class 0 = {-1, -2}, class 1 = {-3, -4}; targets {1, 0}.
  std::vector<double> x{-1, -2, -3, -4};
  std::vector<int64_t> gt{1, 0};
  Session session;
  odla_value y = odla_NegativeLogLikeliHoodLoss(session.Arg(ODLA_FLOAT64, {1, 2, 2}, x), session.Arg(ODLA_INT64, {1, 2}, gt),
                                                INT_MIN, ODLA_REDUCE_SUM, nullptr, Undefined(), nullptr);
  CheckClose(std::vector<double>{5}, session.Run<double>(y, {}));
}

ODLA_TEST(NegativeLogLikeliHoodLoss_MismatchedTarget_ReturnsNull) {
  std::vector<int64_t> gt{0, 0, 0};
  Session session;
  odla_value y = odla_NegativeLogLikeliHoodLoss(session.Arg({2, 3}, kInput), session.Arg(ODLA_INT64, {3}, gt), INT_MIN,
                                                ODLA_REDUCE_NONE, nullptr, Undefined(), nullptr);
  Check(y == nullptr, "null for a ground truth of the wrong shape");
}

}  // namespace
}  // namespace odla_test
