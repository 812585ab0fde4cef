// Runs every registered case, prints one line per case and a summary; exits 1 when a case fails.
// An optional argument filters cases by substring.
#include <cstdio>
#include <cstring>

#include "framework.h"

namespace odla_test {
std::vector<Case>& Registry() {
  static std::vector<Case> cases;
  return cases;
}
}  // namespace odla_test

int main(int argc, char** argv) {
  odla_SetLogLevel(ODLA_LOG_LEVEL_OFF);
  int passed = 0, failed = 0;
  for (const auto& test : odla_test::Registry()) {
    if (argc > 1 && std::strstr(test.name.c_str(), argv[1]) == nullptr) continue;
    try {
      test.run();
      std::printf("PASS %s\n", test.name.c_str());
      ++passed;
    } catch (const odla_test::Failure& failure) {
      std::printf("FAIL %s: %s\n", test.name.c_str(), failure.message.c_str());
      ++failed;
    }
  }
  std::printf("SUMMARY %d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
