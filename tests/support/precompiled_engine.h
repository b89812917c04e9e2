// Precompiled once for the engine's test suites (tests/CMakeLists.txt): Qt Test (with all of Qt
// Core) and the JSON reader, which every suite used to parse again.
#pragma once

#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>
