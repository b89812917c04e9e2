#pragma once
/// Iso-lines of a sampled 2-D function by marching squares, for contour plots (QCustomPlot has
/// none), and level choices that suit bowls spanning many orders of magnitude.
#include <array>
#include <vector>

namespace gs::landscape {

using Polyline = std::vector<std::array<double, 2>>;

/// Line segments where the grid crosses `level`, joined into polylines. grid is row-major
/// (ny rows of nx values) over range {x_min, x_max, y_min, y_max}.
std::vector<Polyline> iso_lines(const std::vector<double>& grid, int nx, int ny, std::array<double, 4> range, double level);

/// `count` levels between the grid's minimum and maximum, spaced geometrically above the minimum
/// (so the bowl's bottom gets as many lines as its rim).
std::vector<double> contour_levels(const std::vector<double>& grid, int count);

}  // namespace gs::landscape
