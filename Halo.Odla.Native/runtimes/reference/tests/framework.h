// Minimal test framework for the ODLA reference runtime: one line per case ("PASS name" / "FAIL name: why").
#ifndef HALO_ODLA_REFERENCE_TESTS_FRAMEWORK_H_
#define HALO_ODLA_REFERENCE_TESTS_FRAMEWORK_H_

#include <ODLA/odla.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace odla_test {

using Dims = std::vector<int64_t>;

struct Failure {
  std::string message;
};

struct Case {
  std::string name;
  std::function<void()> run;
};

std::vector<Case>& Registry();

struct Register {
  Register(const char* name, std::function<void()> run) { Registry().push_back({name, std::move(run)}); }
};

#define ODLA_TEST_CONCAT2(a, b) a##b
#define ODLA_TEST_CONCAT(a, b) ODLA_TEST_CONCAT2(a, b)
#define ODLA_TEST(NAME)                                                                   \
  static void NAME();                                                                     \
  static const odla_test::Register ODLA_TEST_CONCAT(register_, NAME)(#NAME, &NAME);       \
  static void NAME()

inline void Check(bool condition, const std::string& message) {
  if (!condition) throw Failure{message};
}

inline void CheckStatus(odla_status status, const char* what) {
  if (status != ODLA_SUCCESS) throw Failure{std::string(what) + " returned status " + std::to_string(status)};
}

inline int64_t Count(const Dims& dims) {
  int64_t n = 1;
  for (int64_t d : dims) n *= d;
  return n;
}

// Compares with |a - e| <= atol + rtol * |e| and reports the worst element.
template <typename A, typename E>
void CheckClose(const std::vector<E>& expected, const std::vector<A>& actual, double atol = 1e-5, double rtol = 1e-4) {
  Check(expected.size() == actual.size(), "size " + std::to_string(actual.size()) + " != expected " +
                                              std::to_string(expected.size()));
  for (size_t i = 0; i < expected.size(); ++i) {
    double e = static_cast<double>(expected[i]), a = static_cast<double>(actual[i]);
    if (!(std::fabs(a - e) <= atol + rtol * std::fabs(e))) {
      std::ostringstream text;
      text << "element " << i << ": got " << a << ", expected " << e;
      throw Failure{text.str()};
    }
  }
}

inline std::vector<float> Random(int64_t count, unsigned seed, float low = -1, float high = 1) {
  std::mt19937 engine(seed);
  std::uniform_real_distribution<float> dist(low, high);
  std::vector<float> values(static_cast<size_t>(count));
  for (auto& v : values) v = dist(engine);
  return values;
}

inline odla_value_shape Shape(const Dims& dims) {
  odla_value_shape shape{};
  shape.size = static_cast<odla_int32>(dims.size());
  for (size_t i = 0; i < dims.size(); ++i) shape.dims[i] = dims[i];
  return shape;
}

inline odla_value_shape Undefined() {
  odla_value_shape shape{};
  shape.size = -1;
  return shape;
}

inline odla_value_type Type(odla_element_type type, const Dims& dims) {
  odla_value_type t{};
  t.element_type = type;
  t.shape = Shape(dims);
  return t;
}

inline odla_value_id Id(const char* name) { return reinterpret_cast<odla_value_id>(const_cast<char*>(name)); }

// Owns one computation and one context; arguments and outputs bind by value.
class Session {
 public:
  Session() {
    CheckStatus(odla_CreateComputation(&computation_), "odla_CreateComputation");
    CheckStatus(odla_CreateContext(&context_), "odla_CreateContext");
  }
  ~Session() {
    odla_DestroyContext(context_);
    odla_DestroyComputation(computation_);
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Binds data by address: it must outlive Run.
  template <typename T>
  odla_value Arg(odla_element_type type, const Dims& dims, const std::vector<T>& data) {
    static int counter = 0;
    names_.push_back("arg" + std::to_string(counter++));
    odla_value v = odla_CreateArgument(Type(type, dims), Id(names_.back().c_str()));
    Check(v != nullptr, "odla_CreateArgument failed");
    CheckStatus(odla_BindToArgument(v, data.data(), context_), "odla_BindToArgument");
    return v;
  }
  odla_value Arg(const Dims& dims, const std::vector<float>& data) { return Arg(ODLA_FLOAT32, dims, data); }
  template <typename T>
  odla_value Arg(odla_element_type, const Dims&, std::vector<T>&&) = delete;  // a temporary would dangle
  odla_value Arg(const Dims&, std::vector<float>&&) = delete;

  template <typename T>
  odla_value Const(odla_element_type type, const Dims& dims, const std::vector<T>& data) {
    odla_value v = odla_CreateConstant(Type(type, dims), data.data(), nullptr);
    Check(v != nullptr, "odla_CreateConstant failed");
    return v;
  }
  odla_value Const(const Dims& dims, const std::vector<float>& data) { return Const(ODLA_FLOAT32, dims, data); }

  // Marks value as output, runs, and returns its elements; checks the output shape when given.
  template <typename T = float>
  std::vector<T> Run(odla_value value, const Dims& expected_dims) {
    Check(value != nullptr, "the operator returned null");
    odla_value_type type;
    CheckStatus(odla_GetValueType(value, &type), "odla_GetValueType");
    Dims dims(type.shape.dims, type.shape.dims + type.shape.size);
    Check(dims == expected_dims, "output shape " + ToString(dims) + " != expected " + ToString(expected_dims));
    std::vector<T> out(static_cast<size_t>(Count(dims)));
    CheckStatus(odla_SetValueAsOutput(value), "odla_SetValueAsOutput");
    CheckStatus(odla_BindToOutput(value, out.data(), context_), "odla_BindToOutput");
    CheckStatus(odla_ExecuteComputation(computation_, context_, ODLA_COMPUTE_INFERENCE, nullptr), "odla_ExecuteComputation");
    return out;
  }

  odla_computation computation() const { return computation_; }
  odla_context context() const { return context_; }

  static std::string ToString(const Dims& dims) {
    std::string s = "[";
    for (size_t i = 0; i < dims.size(); ++i) s += (i ? "," : "") + std::to_string(dims[i]);
    return s + "]";
  }

 private:
  odla_computation computation_ = nullptr;
  odla_context context_ = nullptr;
  std::vector<std::string> names_;
};

}  // namespace odla_test

#endif  // HALO_ODLA_REFERENCE_TESTS_FRAMEWORK_H_
