// Computation/context life cycle, binding by id, errors and the log, concurrency, buffer reuse.
#include <atomic>
#include <cstring>
#include <string>
#include <thread>

#include "framework.h"
#include "naive.h"

namespace odla_test {
namespace {

std::string g_last_message;
void CaptureLog(const char*, int, const char*, odla_log_level, const char* message) { g_last_message = message; }

// Logs through CaptureLog for the duration of a scope.
struct CapturedLog {
  CapturedLog() {
    g_last_message.clear();
    odla_SetLogger(&CaptureLog);
    odla_SetLogLevel(ODLA_LOG_LEVEL_ERROR);
  }
  ~CapturedLog() {
    odla_SetLogger(nullptr);
    odla_SetLogLevel(ODLA_LOG_LEVEL_OFF);
  }
};

ODLA_TEST(BindById_NamedAndIntegerIds) {
  std::vector<float> x{1, 2}, out(2), out2(2);
  odla_computation comp;
  CheckStatus(odla_CreateComputation(&comp), "create");
  odla_value a = odla_CreateArgument(Type(ODLA_FLOAT32, {2}), Id("x"));
  odla_value b = odla_CreateArgument(Type(ODLA_FLOAT32, {2}), reinterpret_cast<odla_value_id>(static_cast<uintptr_t>(7)));
  odla_value y = odla_Add(a, b, Id("y"));
  odla_value z = odla_Mul(a, b, reinterpret_cast<odla_value_id>(static_cast<uintptr_t>(9)));
  CheckStatus(odla_SetValueAsOutputById(Id("y")), "output y");
  CheckStatus(odla_SetValueAsOutput(z), "output z");
  (void)y;
  odla_context ctx;
  CheckStatus(odla_CreateContext(&ctx), "context");
  CheckStatus(odla_BindToArgumentById(Id("x"), x.data(), ctx), "bind x");
  CheckStatus(odla_BindToArgumentById(reinterpret_cast<odla_value_id>(static_cast<uintptr_t>(7)), x.data(), ctx), "bind 7");
  CheckStatus(odla_BindToOutputById(Id("y"), out.data(), ctx), "bind y");
  CheckStatus(odla_BindToOutputById(reinterpret_cast<odla_value_id>(static_cast<uintptr_t>(9)), out2.data(), ctx), "bind 9");
  CheckStatus(odla_ExecuteComputation(comp, ctx, ODLA_COMPUTE_INFERENCE, nullptr), "execute");
  odla_uint32 args = 0, outs = 0;
  odla_GetNumOfArgsFromComputation(comp, &args);
  odla_GetNumOfOutputsFromComputation(comp, &outs);
  odla_DestroyContext(ctx);
  odla_DestroyComputation(comp);
  CheckClose(std::vector<float>{2, 4}, out, 0, 0);
  CheckClose(std::vector<float>{1, 4}, out2, 0, 0);
  Check(args == 2 && outs == 2, "argument and output counts");
}

ODLA_TEST(UnsupportedOp_ReportsThroughLogAndExecuteFails) {
  CapturedLog log;
  Session session;
  std::vector<float> x{1};
  odla_value in = session.Arg({1}, x);
  odla_value r = odla_Compress(in, in, 0, Shape({1}), nullptr);
  Check(r == nullptr, "unsupported op returns null");
  Check(g_last_message.find("odla_Compress") != std::string::npos, "log names the function: '" + g_last_message + "'");
  odla_status status = odla_ExecuteComputation(session.computation(), session.context(), ODLA_COMPUTE_INFERENCE, nullptr);
  Check(status == ODLA_UNSUPPORTED_OP, "execute returns ODLA_UNSUPPORTED_OP, got " + std::to_string(status));
  Check(odla_SetValueAsOutput(r) == ODLA_INVALID_PARAM, "null value as output");
}

ODLA_TEST(ShapeMismatch_ReportsInvalidParam) {
  CapturedLog log;
  Session session;
  std::vector<float> a(6), b(4);
  odla_value y = odla_Add(session.Arg({2, 3}, a), session.Arg({2, 2}, b), nullptr);
  Check(y == nullptr, "bad broadcast returns null");
  Check(g_last_message.find("do not broadcast") != std::string::npos, "message: " + g_last_message);
  Check(odla_ExecuteComputation(session.computation(), session.context(), ODLA_COMPUTE_INFERENCE, nullptr) == ODLA_INVALID_PARAM,
        "execute reports the recorded failure");
}

ODLA_TEST(UnboundArgument_FailsWithMessage) {
  CapturedLog log;
  odla_computation comp;
  odla_context ctx;
  CheckStatus(odla_CreateComputation(&comp), "create");
  CheckStatus(odla_CreateContext(&ctx), "context");
  odla_value y = odla_Relu(odla_CreateArgument(Type(ODLA_FLOAT32, {2}), Id("input")), nullptr);
  std::vector<float> out(2);
  odla_SetValueAsOutput(y);
  odla_BindToOutput(y, out.data(), ctx);
  odla_status status = odla_ExecuteComputation(comp, ctx, ODLA_COMPUTE_INFERENCE, nullptr);
  odla_DestroyContext(ctx);
  odla_DestroyComputation(comp);
  Check(status == ODLA_INVALID_PARAM, "status");
  Check(g_last_message.find("'input' is not bound") != std::string::npos, "message: " + g_last_message);
}

ODLA_TEST(UnsupportedType_ReportsUnsupportedDatatype) {
  Session session;
  std::vector<int32_t> x{1, 2};
  Check(odla_Sigmoid(session.Arg(ODLA_INT32, {2}, x), nullptr) == nullptr, "int sigmoid rejected");
  Check(odla_ExecuteComputation(session.computation(), session.context(), ODLA_COMPUTE_INFERENCE, nullptr) ==
            ODLA_UNSUPPORTED_DATATYPE,
        "ODLA_UNSUPPORTED_DATATYPE");
}

ODLA_TEST(InterpretStyle_CreateBindExecuteDestroyEachCall) {
  for (int call = 0; call < 20; ++call) {
    std::vector<float> x{static_cast<float>(call), -1.0f}, w{2, 3}, out(2);
    odla_computation comp;
    odla_context ctx;
    CheckStatus(odla_CreateComputation(&comp), "create");
    odla_value in = odla_CreateArgument(Type(ODLA_FLOAT32, {2}), Id("x"));
    odla_value k = odla_CreateConstant(Type(ODLA_FLOAT32, {2}), w.data(), Id("w"));
    w.assign(2, 100.0f);  // constants are copied at creation
    odla_value y = odla_Mul(in, k, Id("y"));
    CheckStatus(odla_ReleaseValue(k), "release constant still in use");
    CheckStatus(odla_SetValueAsOutput(y), "output");
    CheckStatus(odla_CreateContext(&ctx), "context");
    CheckStatus(odla_BindToArgument(in, x.data(), ctx), "bind");
    CheckStatus(odla_BindToOutput(y, out.data(), ctx), "bind out");
    CheckStatus(odla_ExecuteComputation(comp, ctx, ODLA_COMPUTE_INFERENCE, nullptr), "execute");
    CheckStatus(odla_DestroyContext(ctx), "destroy context");
    CheckStatus(odla_DestroyComputation(comp), "destroy computation");
    CheckClose(std::vector<float>{2.0f * call, -3}, out, 0, 0);
  }
}

ODLA_TEST(ReleaseValue_UnusedConstant_ThenUseFails) {
  Session session;
  std::vector<float> c{1, 2};
  odla_value k = session.Const({2}, c);
  CheckStatus(odla_ReleaseValue(k), "release");
  Check(odla_Relu(k, nullptr) == nullptr, "a released constant cannot feed an operator");
}

ODLA_TEST(UnboundOutput_ReadWithGetValueData) {
  Session session;
  std::vector<float> x{-1, 2};
  odla_value y = odla_Relu(session.Arg({2}, x), nullptr);
  CheckStatus(odla_SetValueAsOutput(y), "output");
  CheckStatus(odla_ExecuteComputation(session.computation(), session.context(), ODLA_COMPUTE_INFERENCE, nullptr), "execute");
  std::vector<float> out(2);
  CheckStatus(odla_GetValueData(y, out.data(), session.context()), "get");
  CheckClose(std::vector<float>{0, 2}, out, 0, 0);
}

ODLA_TEST(LongChain_ReusesBuffers_ResultsCorrect) {
  // 40 chained ops over the same shape: liveness planning reuses two slots; results must stay right.
  auto x = Random(1000, 70);
  std::vector<float> expected = x;
  Session session;
  odla_value v = session.Arg({10, 100}, x);
  std::vector<float> one{1.0f};
  odla_value c = session.Const({1}, one);
  for (int i = 0; i < 40; ++i) {
    v = i % 2 == 0 ? odla_Add(v, c, nullptr) : odla_Neg(v, nullptr);
    for (auto& e : expected) e = i % 2 == 0 ? e + 1 : -e;
  }
  CheckClose(expected, session.Run(v, {10, 100}), 1e-5, 1e-5);
}

ODLA_TEST(SeparateContexts_ExecuteConcurrently) {
  // One computation, one context per thread, executed at the same time.
  const int64_t c = 8, h = 16;
  auto k = Random(c * c * 9, 71);
  odla_computation comp;
  CheckStatus(odla_CreateComputation(&comp), "create");
  odla_value in = odla_CreateArgument(Type(ODLA_FLOAT32, {1, c, h, h}), Id("x"));
  odla_value kernel = odla_CreateConstant(Type(ODLA_FLOAT32, {c, c, 3, 3}), k.data(), nullptr);
  const odla_uint32 ones[] = {1, 1};
  odla_value y = odla_Relu(odla_Conv(in, ODLA_CHANNELS_FIRST, 1, kernel, ODLA_OIS, ones, ones, ones, ones, nullptr,
                                     Undefined(), nullptr), Id("y"));
  CheckStatus(odla_SetValueAsOutput(y), "output");
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      auto x = Random(c * h * h, 100 + static_cast<unsigned>(t));
      ConvSpec s{1, c, h, h, c, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1};
      auto expected = NaiveConv(s, x, k, nullptr);
      for (auto& e : expected) e = e > 0 ? e : 0;
      for (int repeat = 0; repeat < 5; ++repeat) {
        std::vector<float> out(expected.size());
        odla_context ctx;
        odla_CreateContext(&ctx);
        odla_BindToArgumentById(Id("x"), x.data(), ctx);
        odla_BindToOutputById(Id("y"), out.data(), ctx);
        if (odla_ExecuteComputation(comp, ctx, ODLA_COMPUTE_INFERENCE, nullptr) != ODLA_SUCCESS) ++failures;
        odla_DestroyContext(ctx);
        for (size_t i = 0; i < out.size(); ++i)
          if (std::fabs(out[i] - expected[i]) > 1e-4 + 1e-4 * std::fabs(expected[i])) {
            ++failures;
            break;
          }
      }
    });
  for (auto& thread : threads) thread.join();
  odla_DestroyComputation(comp);
  Check(failures == 0, std::to_string(failures.load()) + " concurrent executions failed");
}

ODLA_TEST(ArgumentAsOutput_IsCopied) {
  Session session;
  std::vector<float> x{4, 5};
  odla_value in = session.Arg({2}, x);
  CheckClose(x, session.Run(in, {2}), 0, 0);
}

ODLA_TEST(HostMemoryAndVersion) {
  void* p = nullptr;
  CheckStatus(odla_AllocateHostMemory(&p, 16), "allocate");
  char src[16] = "fifteen chars..";
  CheckStatus(odla_CopyMemory(p, src, 16, ODLA_MEMCPY_H2H), "copy");
  Check(std::memcmp(p, src, 16) == 0, "copied");
  CheckStatus(odla_FreeHostMemory(p), "free");
  Check(std::string(odla_GetVersionString()).find("reference") != std::string::npos, "version string");
}

}  // namespace
}  // namespace odla_test

namespace odla_test {
namespace {

ODLA_TEST(Executable_LaunchWithValuesBoundById) {
  std::vector<float> x{-2, 3};
  odla_computation comp;
  CheckStatus(odla_CreateComputation(&comp), "create");
  odla_value y = odla_Relu(odla_CreateArgument(Type(ODLA_FLOAT32, {2}), Id("in")), Id("out"));
  CheckStatus(odla_SetValueAsOutput(y), "output");
  odla_value in_data = odla_CreateValue(Type(ODLA_FLOAT32, {2}), Id("in_data"));
  odla_value out_data = odla_CreateValue(Type(ODLA_FLOAT32, {2}), Id("out_data"));
  CheckStatus(odla_SetValueData(in_data, x.data()), "set data");
  odla_executable exe;
  CheckStatus(odla_CompileComputation(comp, nullptr, &exe), "compile");
  odla_uint32 args = 0;
  CheckStatus(odla_GetNumOfArgsFromExecutable(exe, &args), "args");
  odla_context ctx;
  CheckStatus(odla_CreateContext(&ctx), "context");
  CheckStatus(odla_BindValueToArgumentById(Id("in"), in_data, ctx), "bind value in");
  CheckStatus(odla_BindValueToOutputById(Id("out"), out_data, ctx), "bind value out");
  CheckStatus(odla_LaunchExecutable(exe, ctx), "launch");
  std::vector<float> out(2);
  CheckStatus(odla_GetValueDataById(Id("out_data"), out.data()), "read");
  odla_DestroyContext(ctx);
  odla_DestroyExecutable(exe);
  odla_DestroyComputation(comp);
  Check(args == 1, "one argument");
  CheckClose(std::vector<float>{0, 3}, out, 0, 0);
}

}  // namespace
}  // namespace odla_test
