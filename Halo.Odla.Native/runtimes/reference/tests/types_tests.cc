// float16 and bfloat16 in ordinary kernels, and Halo's extension element types (odla_halo_types.h): float8 and 4-bit
// casts with and without saturation, packed 4-bit layout, per-axis, blocked and 16-bit quantization.
#include <ODLA/odla_halo_types.h>

#include <cstring>
#include <limits>

#include "framework.h"

namespace odla_test {
namespace {

uint16_t Half(float value) {
  // Exact for the test values (representable in float16): float16 keeps the top 10 mantissa bits.
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  if ((bits & 0x7fffffff) == 0) return static_cast<uint16_t>(bits >> 16);
  const uint32_t sign = (bits >> 16) & 0x8000, exponent = ((bits >> 23) & 0xff) - 127 + 15;
  return static_cast<uint16_t>(sign | (exponent << 10) | ((bits & 0x7fffff) >> 13));
}

float FromHalf(uint16_t h) {
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000) << 16, exponent = (h >> 10) & 0x1f, mantissa = h & 0x3ff;
  uint32_t bits = exponent == 31 ? sign | 0x7f800000 | (mantissa << 13)
                                 : (exponent == 0 ? sign : sign | ((exponent + 112) << 23) | (mantissa << 13));
  float f;
  std::memcpy(&f, &bits, sizeof(f));
  return f;
}

std::vector<float> FromHalves(const std::vector<uint16_t>& values) {
  std::vector<float> result;
  for (uint16_t h : values) result.push_back(FromHalf(h));
  return result;
}

void CheckBytes(const std::vector<uint8_t>& expected, const std::vector<uint8_t>& actual) {
  Check(actual.size() >= expected.size(), "output too short");
  for (size_t i = 0; i < expected.size(); ++i)
    Check(expected[i] == actual[i], "byte " + std::to_string(i) + ": got " + std::to_string(actual[i]) + ", expected " +
                                        std::to_string(expected[i]));
}

ODLA_TEST(Float16_AddMaxMod_ComputeInFloatRoundOnStore) {
  std::vector<uint16_t> a{Half(1.5f), Half(-2.0f), Half(1024.0f), Half(-4.5f)};
  std::vector<uint16_t> b{Half(0.25f), Half(3.0f), Half(0.5f), Half(2.0f)};
  Session session;
  odla_value x = session.Arg(ODLA_FLOAT16, {4}, a), y = session.Arg(ODLA_FLOAT16, {4}, b);
  // 1024.5 is not a float16: rounds to even (1024).
  CheckClose(std::vector<float>{1.75f, 1, 1024, -2.5f}, FromHalves(session.Run<uint16_t>(odla_Add(x, y, nullptr), {4})), 0, 0);
  Session max_session;
  odla_value mx = odla_Max(max_session.Arg(ODLA_FLOAT16, {4}, a), max_session.Arg(ODLA_FLOAT16, {4}, b), nullptr);
  CheckClose(std::vector<float>{1.5f, 3, 1024, 2}, FromHalves(max_session.Run<uint16_t>(mx, {4})), 0, 0);
  Session mod_session;
  odla_value md = odla_Mod(mod_session.Arg(ODLA_FLOAT16, {4}, a), mod_session.Arg(ODLA_FLOAT16, {4}, b), 0, nullptr);
  CheckClose(std::vector<float>{0, 1, 0, 1.5f}, FromHalves(mod_session.Run<uint16_t>(md, {4})), 0, 0);
}

ODLA_TEST(Float16_IsNaN_ReadsHalfBits) {
  std::vector<uint16_t> a{0x7e00, Half(1.0f), 0x7c00, 0xfc00};
  Session session;
  std::vector<uint8_t> nan = session.Run<uint8_t>(odla_IsNaN(session.Arg(ODLA_FLOAT16, {4}, a), nullptr), {4});
  CheckBytes({1, 0, 0, 0}, nan);
}

ODLA_TEST(BFloat16_CastRoundTrip_RoundsToNearestEven) {
  // 1 + 2^-8 is halfway between two bfloat16 values: ties to even (1.0); 1 + 3 * 2^-8 rounds up to 1 + 2^-6.
  std::vector<float> x{1.00390625f, 1.01171875f, -3.5f, 65536.0f, -std::numeric_limits<float>::infinity()};
  Session session;
  odla_value bf = odla_Cast(session.Arg({5}, x), ODLA_BFLOAT16, nullptr);
  std::vector<float> y = session.Run(odla_Cast(bf, ODLA_FLOAT32, nullptr), {5});
  CheckClose(std::vector<float>{1.0f, 1.015625f, -3.5f, 65536.0f}, std::vector<float>(y.begin(), y.begin() + 4), 0, 0);
  Check(std::isinf(y[4]) && y[4] < 0, "-inf stays -inf (saturation is for float8 only)");
}

ODLA_TEST(Float8_CastSaturate_MatchesOnnxCodes) {
  std::vector<float> x{0.0f, 448.0f, 500.0f, -1e6f, std::numeric_limits<float>::infinity(), 0.3f};
  Session saturated;
  CheckBytes({0x00, 0x7E, 0x7E, 0xFE, 0x7E, 0x2A},
             saturated.Run<uint8_t>(odla_Cast(saturated.Arg({6}, x), ODLA_HALO_FLOAT8E4M3FN, nullptr), {6}));
  Session plain;
  CheckBytes({0x00, 0x7E, 0x7F, 0xFF, 0x7F, 0x2A},
             plain.Run<uint8_t>(odla_HaloCast(plain.Arg({6}, x), ODLA_HALO_FLOAT8E4M3FN, 0, nullptr), {6}));
  Session e5m2;
  CheckBytes({0x00, 0x5F, 0x60, 0xFC, 0x7C, 0x35},
             e5m2.Run<uint8_t>(odla_HaloCast(e5m2.Arg({6}, x), ODLA_HALO_FLOAT8E5M2, 0, nullptr), {6}));
  Session fnuz;
  CheckBytes({0x00, 0x7F, 0x7F, 0xFF, 0x7F, 0x32},
             fnuz.Run<uint8_t>(odla_Cast(fnuz.Arg({6}, x), ODLA_HALO_FLOAT8E4M3FNUZ, nullptr), {6}));
}

ODLA_TEST(Float8_CastToFloat_DecodesSpecials) {
  std::vector<uint8_t> codes{0x7E, 0x7F, 0x80, 0x01, 0xB8};
  Session session;
  std::vector<float> y = session.Run(odla_Cast(session.Arg(ODLA_HALO_FLOAT8E4M3FN, {5}, codes), ODLA_FLOAT32, nullptr), {5});
  Check(y[0] == 448.0f && std::isnan(y[1]) && y[2] == 0.0f && std::signbit(y[2]), "e4m3fn 448, NaN, -0");
  CheckClose(std::vector<float>{0.001953125f, -1.0f}, std::vector<float>{y[3], y[4]}, 0, 0);
  Session uz;
  std::vector<float> z = uz.Run(odla_Cast(uz.Arg(ODLA_HALO_FLOAT8E5M2FNUZ, {5}, codes), ODLA_FLOAT32, nullptr), {5});
  Check(std::isnan(z[2]) && z[1] == 57344.0f, "e5m2fnuz: 0x80 is NaN, 0x7F the largest value");
}

ODLA_TEST(Int4_CastPacksTwoPerByte_RoundsAndClamps) {
  std::vector<float> x{-9.5f, -1.5f, 0.5f, 2.5f, 7.6f};
  Session session;
  odla_value q = odla_Cast(session.Arg({5}, x), ODLA_HALO_INT4, nullptr);
  // -8, -2, 0, 2, 7: element 2k in the low nibble; the unused high nibble of the last byte is zero.
  CheckBytes({0xE8, 0x20, 0x07}, session.Run<uint8_t>(odla_Reshape(q, Shape({5, 1}), nullptr), {5, 1}));
  std::vector<uint8_t> packed{0xE8, 0x20, 0x07};
  Session back;
  CheckClose(std::vector<float>{-8, -2, 0, 2, 7},
             back.Run(odla_Cast(back.Arg(ODLA_HALO_INT4, {5}, packed), ODLA_FLOAT32, nullptr), {5}), 0, 0);
  Session unsigned_session;
  CheckClose(std::vector<int32_t>{8, 14, 0, 2, 7},
             unsigned_session.Run<int32_t>(odla_Cast(unsigned_session.Arg(ODLA_HALO_UINT4, {5}, packed), ODLA_INT32, nullptr), {5}), 0, 0);
}

ODLA_TEST(Int4_Transpose_ReportsUnsupportedDatatype) {
  std::vector<uint8_t> packed{0x21, 0x43};
  Session session;
  odla_value t = odla_Transpose(session.Arg(ODLA_HALO_INT4, {2, 2}, packed), Shape({1, 0}), Undefined(), nullptr);
  Check(t == nullptr, "a packed type cannot be transposed element by element");
}

ODLA_TEST(Quantize_BlockedInt16_MatchesOnnx) {
  // x [2, 4], axis 1, block_size 2: scale [2, 2].
  std::vector<float> x{1, 2, 30, 40, -1, -2, -300000, 5}, scale{0.5f, 10, 1, 2};
  std::vector<int16_t> zero{0, 1, 2, -3};
  Session session;
  odla_value q = odla_HaloQuantize(session.Arg({2, 4}, x), session.Const({2, 2}, scale), session.Const(ODLA_INT16, {2, 2}, zero),
                                   1, 2, 1, ODLA_INT16, nullptr);
  CheckClose(std::vector<int16_t>{2, 4, 4, 5, 1, 0, -32768, -1}, session.Run<int16_t>(q, {2, 4}), 0, 0);
}

ODLA_TEST(Dequantize_Uint4PerAxisAndFloat8_MatchesOnnx) {
  std::vector<uint8_t> packed{0xF0, 0x21};  // 0, 15, 1, 2
  std::vector<float> scale{2, 0.5f};
  std::vector<uint8_t> zero{0x11};  // 1, 1
  Session session;
  odla_value y = odla_Dequantize(session.Arg(ODLA_HALO_UINT4, {2, 2}, packed), session.Const({2}, scale),
                                 session.Const(ODLA_HALO_UINT4, {2}, zero), 0, ODLA_FLOAT32, nullptr);
  CheckClose(std::vector<float>{-2, 28, 0, 0.5f}, session.Run(y, {2, 2}), 0, 0);
  std::vector<uint8_t> codes{0x38, 0xC0};  // e4m3fn 1.0, -2.0
  std::vector<uint16_t> half_scale{Half(3.0f)};
  Session f8;
  odla_value z = odla_Dequantize(f8.Arg(ODLA_HALO_FLOAT8E4M3FN, {2}, codes), f8.Const(ODLA_FLOAT16, {}, half_scale), nullptr, 1,
                                 ODLA_FLOAT16, nullptr);
  CheckClose(std::vector<float>{3, -6}, FromHalves(f8.Run<uint16_t>(z, {2})), 0, 0);
}

}  // namespace
}  // namespace odla_test
