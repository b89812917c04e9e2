#pragma once
// The Playground's controls panel: data, input features, network and training groups. It reads
// and writes a playground::Setup and says what changed: a structural change (data, features,
// layers, activation, init, BatchNorm) needs a new run; the learning rate, optimizer, batch size,
// regularization, the zero_grad mistake and Dropout's p reach the running one.
#include <QObject>
#include <vector>

#include "labs/playground/playground_setup.h"

class QBoxLayout;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace gsui {

class ControlGroup;

class PlaygroundControls : public QObject {
  Q_OBJECT
 public:
  /// Builds the groups into `panel` (the lab's controlsLayout()).
  PlaygroundControls(QBoxLayout* panel, QObject* parent);

  /// The setup the controls show (a builder network is kept as it was set).
  playground::Setup setup() const;
  /// Shows `setup` without emitting anything.
  void setSetup(const playground::Setup& setup);
  /// The features chosen, by their labels ("x₁", "x₁x₂"), for the network picture.
  QStringList featureLabels() const;
  bool showTest() const;
  bool discretize() const;
  /// The preset's caption under the preset menu (English, as in the file; shown translated).
  void setPresetNote(const std::string& note);
  /// The status line (why a run cannot start, a divergence, a stop).
  void setStatus(const QString& text);
  void setSpeed(const QString& text);
  /// Shows whether a fork runs (the Fork button's text and state), without emitting anything.
  void setForked(bool on);
  QPushButton* forkButton() const { return fork_; }
  void retranslate();

 signals:
  /// The data, features, problem or network changed: a new run.
  void rebuildNeeded();
  void learningRateChanged(double lr);
  void optimizerChanged(gs::optim::OptimizerKind kind);
  void batchSizeChanged(int batch_size);
  void regularizationChanged(double l1, double l2);
  void forgetZeroGradChanged(bool on);
  /// Dropout's p moved; the lab decides whether the running network can take it.
  void dropoutChanged(double p);
  void presetChosen(const QString& path);
  void saveRequested();
  void openRequested();
  /// "Import CSV…": the learner's own table.
  void importCsvRequested();
  void editNetworkRequested();
  /// Fork: on, run B starts as a copy of the run; off, B ends and A goes on.
  void forkRequested(bool on);
  void showTestChanged(bool on);
  void discretizeChanged(bool on);

 private:
  void buildDataGroup(QBoxLayout* panel);
  void buildFeatureGroup(QBoxLayout* panel);
  void buildNetworkGroup(QBoxLayout* panel);
  void buildTrainingGroup(QBoxLayout* panel);
  void connectLiveChanges();
  /// Enables the problem types and features the data set allows.
  void updateChoices();
  /// Greys the simple network controls while the builder's network trains, and says which it is.
  void showNetworkSource();
  void fillPresets();
  /// The data set item of the imported table: added with the first import, named after its file.
  void showCsvItem();
  /// The labels that show a slider's value.
  void updateValueLabels();

  QWidget* panel_;
  ControlGroup* data_box_;
  ControlGroup* features_box_;
  ControlGroup* network_box_;
  ControlGroup* training_box_;
  QComboBox* preset_;
  QLabel* preset_note_;
  QComboBox* dataset_;
  QComboBox* problem_;
  QLabel* problem_label_;
  QSlider* noise_;
  QLabel* noise_label_;
  QSlider* test_ratio_;
  QLabel* test_ratio_label_;
  QSpinBox* seed_;
  QLabel* seed_label_;
  QPushButton* save_scenario_;
  QPushButton* open_scenario_;
  QPushButton* import_csv_;
  std::vector<QCheckBox*> features_;
  QSpinBox* layers_;
  QLabel* layers_label_;
  std::vector<QSpinBox*> neurons_;
  QLabel* neurons_label_;
  QComboBox* activation_;
  QLabel* activation_label_;
  QComboBox* init_;
  QLabel* init_label_;
  QComboBox* dropout_;
  QLabel* dropout_label_;
  QCheckBox* batchnorm_;
  QLabel* custom_label_;
  QPushButton* edit_network_;
  QPushButton* simple_network_;
  QPushButton* fork_;
  QComboBox* optimizer_;
  QLabel* optimizer_label_;
  QComboBox* lr_;
  QLabel* lr_label_;
  QSpinBox* batch_;
  QLabel* batch_label_;
  QComboBox* regularization_;
  QComboBox* reg_rate_;
  QLabel* reg_label_;
  QCheckBox* forget_zero_grad_;
  QCheckBox* show_test_;
  QCheckBox* discretize_;
  QLabel* status_;
  QLabel* speed_;
  std::optional<gs::spec::ModelSpec> custom_;  ///< the builder's network, kept as set
  std::optional<playground::CsvSource> csv_;    ///< the imported table, the data set's last item while there is one
};

}  // namespace gsui
