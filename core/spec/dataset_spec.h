#pragma once
/// A scenario's data set, typed (which set, how many samples, noise, split, scaling, the
/// Playground's input features), and the input pipeline fitted on its train part: features
/// expanded, then standardized. The pipeline is returned with the data so that anything else fed
/// to the model (the plane's grid in the Playground) goes through exactly the same steps.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "data/dataset.h"

namespace gs::spec {

struct DatasetSpec {
  std::string name;                    ///< "spiral", "iris", "fashion_mnist", "csv", a Playground set ...
  std::optional<std::int64_t> n;       ///< samples (generators: default 200, "regression" 100) or a seeded subset (loaded sets)
  double noise = 0.0;                  ///< the generator's noise; parse_dataset fills "regression"'s default 0.1
  double test_ratio = 0.2;             ///< fraction held out for testing (stratified for classes)
  /// "random" (test_ratio of the samples held out) or, for fashion_mnist, "official": the 60,000
  /// training images train and the 10,000 t10k images test (n then subsets each in proportion).
  std::string split = "random";
  std::optional<bool> standardize;     ///< unset: tabular sets (generated or 2-D tables) yes, images no
  std::uint64_t seed = 0;              ///< generation, subset and split
  std::string path;                    ///< "csv": the file; "image_folder": the folder (one subfolder per class)
  std::int64_t channels = 1;           ///< "image_folder": 1 (gray) or 3 (RGB)
  std::int64_t size = 28;              ///< "image_folder": images become size × size (4 to 128)
  /// "csv": the columns to learn from, by name (the header's, else "column 1", …); empty: every
  /// column a number and the last the target (data::load_csv). With one or two columns the points
  /// lie on the Playground's plane (see load_dataset) and take its input features.
  std::vector<std::string> columns;
  std::string target;                  ///< "csv" with columns: the label or value column
  /// "csv" with columns: "classification" (labels, numbers or text, become classes in sorted
  /// order) or "regression" (the target is a number).
  std::string task = "classification";
  std::int64_t classes = 3;            ///< "blobs" of make_classification: the number of blobs
  std::int64_t degree = 1;             ///< "regression": 1 (a line) or 3 (a cubic)
  std::vector<std::string> features;   ///< the Playground's input features; empty: the set's default
  /// Keep only these classes, relabelled 0, 1, … in this order (empty: all): a task made of
  /// classes a pretrained model never saw (data::keep_classes). Applied before n and the split.
  std::vector<std::int64_t> only_classes;
  /// After the split, keep this many training samples of each class (seeded; the test part is
  /// untouched): fine-tuning on "10 labelled images per class".
  std::optional<std::int64_t> train_per_class;
  bool operator==(const DatasetSpec&) const = default;
};

/// The noise a set has when a file leaves it out: 0.1 for "regression", else 0.
double default_noise(const std::string& name);
/// The input features of a Playground set when none are chosen: x1 for the 1-D sets "line" and
/// "cubic", else x1 and x2.
std::vector<std::string> default_features(const std::string& name);
/// Whether the set's samples are points of the Playground's plane [−6, 6]² (which take its input
/// features): its generated sets, and a "csv" table's one or two chosen columns.
bool on_plane(const DatasetSpec& d);

/// Reads the "dataset" object of a scenario; errors name the field ("dataset.noize: unknown field").
DatasetSpec parse_dataset(const nlohmann::json& j);
/// The fields that differ from the defaults (what parse_dataset reads back to the same spec).
nlohmann::json to_json(const DatasetSpec& d);

/// The fitted input transformation of a scenario's data: features expanded (Playground sets), then
/// standardized with the statistics of the train part, then images flattened for a model that
/// takes rows.
struct FeaturePipeline {
  std::vector<std::string> features;               ///< expand points [N, 2] to these columns; empty: none
  std::optional<data::Standardizer> standardizer;  ///< fitted on the expanded train part
  bool flatten = false;                            ///< [N, C, H, W] → [N, C·H·W]
  /// Raw samples (e.g. points of the plane, [M, 2]) → the model's inputs.
  Tensor transform(const Tensor& raw) const;
};

struct ScenarioData {
  data::Split raw;    ///< the split before features and standardizing
  data::Split split;  ///< what the model trains and is tested on: pipeline.transform of raw
  data::Dataset raw_validation, validation;  ///< held out of the training part (empty: none)
  FeaturePipeline pipeline;
};

/// Loads or generates the set, takes a seeded subset when n asks for one, splits it (and holds
/// `validation` of the training part out, stratified for classes) and fits the pipeline on what
/// remains for training. `image_input`: the model takes [C, H, W] samples (else images become
/// flat rows). Throws naming the field for an unknown set or a bad value.
///
/// A "csv" table's one or two columns are put on the Playground's plane as its generated points
/// are: each column standardized over the file and scaled by 2, so ±3 standard deviations span
/// [−6, 6] (one column: x₂ = 0, drawn as y against x₁); a regression target is standardized too,
/// so the learning rates that suit the generated sets suit it. These are the plane's units, fixed
/// by the file alone; the pipeline's standardizer is still fitted on the train part only.
ScenarioData load_dataset(const DatasetSpec& d, bool image_input, double validation = 0.0);
/// All samples of d's set (the seeded subset when n asks for one), before any split: what
/// cross-validation divides into folds.
data::Dataset load_samples(const DatasetSpec& d);
/// The rest of load_dataset for a split made elsewhere (a cross-validation fold): the validation
/// hold-out, then the pipeline fitted on the training part. `tabular` unset: 2-D samples are.
ScenarioData fit_split(const DatasetSpec& d, data::Split raw, bool image_input, double validation = 0.0,
                       std::optional<bool> tabular = std::nullopt);

/// Throws "<where>.<key>: unknown field (expected one of: ...)" for a key of `j` not in `known`.
void only_fields(const nlohmann::json& j, const std::string& where, const std::set<std::string>& known);

}  // namespace gs::spec
