#include "landscape/contour.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace gs::landscape {

std::vector<Polyline> iso_lines(const std::vector<double>& grid, int nx, int ny, std::array<double, 4> r, double level) {
  std::vector<std::array<std::array<double, 2>, 2>> segments;
  const double dx = (r[1] - r[0]) / std::max(1, nx - 1), dy = (r[3] - r[2]) / std::max(1, ny - 1);
  auto at = [&](int i, int j) { return grid[static_cast<std::size_t>(j) * nx + i]; };
  auto lerp = [&](double x0, double y0, double v0, double x1, double y1, double v1) -> std::array<double, 2> {
    const double t = v1 == v0 ? 0.5 : (level - v0) / (v1 - v0);
    return {x0 + t * (x1 - x0), y0 + t * (y1 - y0)};
  };
  for (int j = 0; j + 1 < ny; ++j) {
    for (int i = 0; i + 1 < nx; ++i) {
      const double v00 = at(i, j), v10 = at(i + 1, j), v11 = at(i + 1, j + 1), v01 = at(i, j + 1);
      if (!std::isfinite(v00) || !std::isfinite(v10) || !std::isfinite(v11) || !std::isfinite(v01)) continue;
      const int code = (v00 > level) | ((v10 > level) << 1) | ((v11 > level) << 2) | ((v01 > level) << 3);
      if (code == 0 || code == 15) continue;
      const double x0 = r[0] + i * dx, y0 = r[2] + j * dy, x1 = x0 + dx, y1 = y0 + dy;
      // Crossing points on the four edges: bottom, right, top, left.
      const auto bottom = lerp(x0, y0, v00, x1, y0, v10), right = lerp(x1, y0, v10, x1, y1, v11);
      const auto top = lerp(x0, y1, v01, x1, y1, v11), left = lerp(x0, y0, v00, x0, y1, v01);
      const double centre = (v00 + v10 + v11 + v01) / 4;
      switch (code) {
        case 1: case 14: segments.push_back({left, bottom}); break;
        case 2: case 13: segments.push_back({bottom, right}); break;
        case 3: case 12: segments.push_back({left, right}); break;
        case 4: case 11: segments.push_back({right, top}); break;
        case 6: case 9: segments.push_back({bottom, top}); break;
        case 7: case 8: segments.push_back({left, top}); break;
        case 5:  // saddle cells: resolve with the cell centre
          if (centre > level) { segments.push_back({left, top}); segments.push_back({bottom, right}); }
          else { segments.push_back({left, bottom}); segments.push_back({right, top}); }
          break;
        case 10:
          if (centre > level) { segments.push_back({left, bottom}); segments.push_back({right, top}); }
          else { segments.push_back({left, top}); segments.push_back({bottom, right}); }
          break;
      }
    }
  }
  // Join segments end to end (points shared by neighbouring cells are identical by construction).
  auto key = [&](const std::array<double, 2>& p) {
    return std::make_pair(std::llround(p[0] / dx * 1e6), std::llround(p[1] / dy * 1e6));
  };
  // NOTE: a cell that touches the level only at a corner sample gives a segment of zero length
  // there; it carries no line and would be left over as a polyline of one repeated point.
  std::erase_if(segments, [&](const auto& s) { return key(s[0]) == key(s[1]); });
  std::multimap<std::pair<long long, long long>, std::size_t> by_end;
  for (std::size_t s = 0; s < segments.size(); ++s) {
    by_end.emplace(key(segments[s][0]), s);
    by_end.emplace(key(segments[s][1]), s);
  }
  std::vector<bool> used(segments.size(), false);
  std::vector<Polyline> lines;
  auto take_next = [&](const std::array<double, 2>& end) -> std::optional<std::array<double, 2>> {
    auto range = by_end.equal_range(key(end));
    for (auto it = range.first; it != range.second; ++it) {
      const std::size_t s = it->second;
      if (used[s]) continue;
      used[s] = true;
      return key(segments[s][0]) == key(end) ? segments[s][1] : segments[s][0];
    }
    return std::nullopt;
  };
  for (std::size_t s = 0; s < segments.size(); ++s) {
    if (used[s]) continue;
    used[s] = true;
    std::vector<std::array<double, 2>> forward{segments[s][0], segments[s][1]};
    while (auto p = take_next(forward.back())) forward.push_back(*p);
    std::vector<std::array<double, 2>> backward;
    std::array<double, 2> head = forward.front();
    while (auto p = take_next(head)) {
      backward.push_back(*p);
      head = *p;
    }
    Polyline line(backward.rbegin(), backward.rend());
    line.insert(line.end(), forward.begin(), forward.end());
    lines.push_back(std::move(line));
  }
  return lines;
}

std::vector<double> contour_levels(const std::vector<double>& grid, int count) {
  double lo = INFINITY, hi = -INFINITY;
  for (double v : grid)
    if (std::isfinite(v)) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  std::vector<double> levels;
  if (!(hi > lo) || count < 1) return levels;
  const double span = hi - lo;
  // lo + span·(q^k) for k = count…1: dense near the minimum, sparse near the rim.
  const double first = span * 1e-3;
  for (int k = 0; k < count; ++k) levels.push_back(lo + first * std::pow(span / first, static_cast<double>(k) / std::max(1, count - 1)) * 0.999);
  return levels;
}

}  // namespace gs::landscape
