// Precompiled once for every ui/ unit (target_precompile_headers in ui/CMakeLists.txt): the
// system headers nearly every unit includes. qcustomplot.h alone pulls in the whole of Qt Widgets
// and Qt Print Support, which every plot-drawing unit used to parse again (about half of each
// unit's compile time). Project headers stay out: they change, this must not.
#pragma once

#include <qcustomplot.h>
#include <QtWidgets>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
