// Precompiled once for the app's test suites (tests/CMakeLists.txt: the suites reuse
// gradscope_test_support_ui's): Qt Test, the widgets and QCustomPlot that the lab suites drive, and
// the JSON reader. Each suite used to parse them again, most of its compile time.
#pragma once

#include <QtTest>
#include <qcustomplot.h>
#include <QtWidgets>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>
