#pragma once
// How long a test may wait for a worker: its normal limit, stretched when the run raised Qt Test's
// watchdog (scripts/sanitize.sh sets QTEST_FUNCTION_TIMEOUT to an hour: sanitized code runs
// several times slower, and a 180 s wait that passes in a Release build timed out under ASan).
#include <QtGlobal>
#include <algorithm>

namespace gstest {

inline int waitMs(int normal_ms) {
  bool ok = false;
  const int watchdog = qEnvironmentVariableIntValue("QTEST_FUNCTION_TIMEOUT", &ok);
  return ok && watchdog > 300000 ? std::max(normal_ms, std::min(watchdog / 2, normal_ms * 6)) : normal_ms;
}

}  // namespace gstest
