#pragma once
// The labs the app offers, grouped like the course. Adding a lab: one line in lab_registry.cpp
// and its folder under ui/labs/.
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>

namespace gsui {

class Lab;

enum class LabGroup { Basics, Neurons, Training, Networks, Evaluation, Hardware };

struct LabInfo {
  QString id;
  LabGroup group;
  const char* title;  ///< English, translated in the "LabRegistry" context
  std::function<Lab*()> create;
  QStringList pages = {};  ///< the ids of its pages (tabs), for --page; empty for a lab of one page
};

const QVector<LabInfo>& labRegistry();
const LabInfo* findLab(const QString& id);
/// A new lab of this kind, carrying its id.
Lab* createLab(const LabInfo& info);
/// Translated names.
QString labTitle(const LabInfo& info);
QString groupTitle(LabGroup group);

}  // namespace gsui
