#pragma once
// Shared by the suites: run code expected to throw gs::Error and check what it says.
#include <QtTest>

#include <string>

#include "util/error.h"

namespace gs::testing {

/// Runs fn, expects gs::Error, and returns its message ("<no error>" when nothing was thrown).
template <typename Fn>
std::string error_of(Fn&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error>";
}

}  // namespace gs::testing

using gs::testing::error_of;

/// QVERIFY that `text` contains `part`, printing both when it does not.
#define QVERIFY_CONTAINS(text, part) \
  QVERIFY2(std::string(text).find(part) != std::string::npos, (std::string("\"") + (text) + "\" lacks \"" + (part) + "\"").c_str())
