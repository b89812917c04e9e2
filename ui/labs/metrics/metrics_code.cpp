// The PyTorch / scikit-learn code of what the Metrics lab's pages show.
#include <QTableWidget>

#include "labs/metrics/binary_page.h"
#include "labs/metrics/multiclass_page.h"

namespace gsui {
namespace {

QString number(double v) { return QString::number(v, 'f', 3); }

/// The training of a logistic regression in PyTorch (what the worker runs with core).
QString trainingCode(BinaryPage::Source source) {
  QString data;
  if (source == BinaryPage::Source::BreastCancer) {
    data = "from sklearn.datasets import load_breast_cancer\n"
           "X, y = load_breast_cancer(return_X_y=True)\n"
           "y = 1 - y                                  # positive = malignant (sklearn: 0 = malignant)\n";
  } else {
    data = "from sklearn.datasets import make_blobs\n"
           "X, y = make_blobs(n_samples=[1000, 111], centers=[[-2, -2], [2, 2]], cluster_std=2.0, random_state=7)\n"
           "                                           # like the lab's set: two Gaussian blobs, 10 % positives (spam)\n";
  }
  return data +
         "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=7)\n"
         "scaler = StandardScaler().fit(X_train)\n"
         "X_train, X_test = (torch.tensor(scaler.transform(a), dtype=torch.float32) for a in (X_train, X_test))\n"
         "y_train_t = torch.tensor(y_train, dtype=torch.float32).unsqueeze(1)\n\n"
         "torch.manual_seed(7)\n"
         "model = nn.Linear(X_train.shape[1], 1)     # logistic regression: one logit\n"
         "loss_fn = nn.BCEWithLogitsLoss()           # sigmoid inside the loss\n"
         "optimizer = torch.optim.Adam(model.parameters(), lr=" + QString(source == BinaryPage::Source::BreastCancer ? "0.01" : "0.05") + ")\n"
         "loader = DataLoader(TensorDataset(X_train, y_train_t), batch_size=32, shuffle=True)\n"
         "for epoch in range(30):\n"
         "    for xb, yb in loader:\n"
         "        optimizer.zero_grad()\n"
         "        loss_fn(model(xb), yb).backward()\n"
         "        optimizer.step()\n\n"
         "with torch.no_grad():\n"
         "    scores = torch.sigmoid(model(X_test)).squeeze(1).numpy()   # P(positive)\n"
         "y_true = y_test\n";
}

}  // namespace

QString BinaryPage::pytorchCode() const {
  QString code =
      "import numpy as np\n"
      "import torch\n"
      "from torch import nn\n"
      "from torch.utils.data import DataLoader, TensorDataset\n"
      "from sklearn.model_selection import train_test_split\n"
      "from sklearn.preprocessing import StandardScaler\n"
      "from sklearn.metrics import (confusion_matrix, precision_recall_fscore_support, accuracy_score,\n"
      "                             roc_auc_score, roc_curve, precision_recall_curve,\n"
      "                             average_precision_score, classification_report)\n\n";
  switch (source_) {
    case Source::BreastCancer:
    case Source::Spam: code += trainingCode(source_); break;
    case Source::AlwaysHealthy:
      code += "# 5 % sick: a model that always answers \"healthy\" (score 0 for everyone)\n"
              "y_true = y_test                            # 0 = healthy, 1 = sick\n"
              "scores = np.zeros(len(y_true))\n";
      break;
    case Source::Csv:
      code += QString("data = np.loadtxt(\"%1\", delimiter=\",\", skiprows=1)   # label,score\n").arg(csv_path_) +
              "y_true, scores = data[:, 0].astype(int), data[:, 1]\n";
      break;
  }
  const QStringList names = metrics_lab::classNames(source_);
  const gs::metrics::BinaryScores& b = shown_;
  code += QString("\nthreshold = %1\n").arg(number(threshold())) +
          "y_pred = (scores >= threshold).astype(int)\n"
          "tn, fp, fn, tp = confusion_matrix(y_true, y_pred).ravel()\n" +
          QString("# TN %1  FP %2  FN %3  TP %4\n").arg(b.tn).arg(b.fp).arg(b.fn).arg(b.tp) +
          "precision, recall, f1, _ = precision_recall_fscore_support(y_true, y_pred, average=\"binary\", zero_division=0)\n" +
          QString("# precision %1  recall %2  F1 %3\n").arg(number(b.precision), number(b.recall), number(b.f1)) +
          "accuracy = accuracy_score(y_true, y_pred)\n"
          "specificity = tn / (tn + fp)\n" +
          QString("# accuracy %1  specificity %2\n").arg(number(b.accuracy), number(b.specificity)) +
          "fpr, tpr, roc_thresholds = roc_curve(y_true, scores)\n"
          "auc = roc_auc_score(y_true, scores)\n"
          "precisions, recalls, pr_thresholds = precision_recall_curve(y_true, scores)\n"
          "ap = average_precision_score(y_true, scores)\n" +
          QString("print(classification_report(y_true, y_pred, target_names=[\"%1\", \"%2\"], zero_division=0))\n").arg(names.value(0), names.value(1));
  return code;
}

QString MulticlassPage::pytorchCode() const {
  const QString loader = dataset_ == "wine" ? "load_wine" : "load_iris";
  return QString("import torch\n"
                 "from torch import nn\n"
                 "from torch.utils.data import DataLoader, TensorDataset\n"
                 "from sklearn.datasets import %1\n"
                 "from sklearn.model_selection import train_test_split\n"
                 "from sklearn.preprocessing import StandardScaler\n"
                 "from sklearn.metrics import classification_report, confusion_matrix, precision_recall_fscore_support\n\n"
                 "data = %1()\n"
                 "X_train, X_test, y_train, y_test = train_test_split(data.data, data.target, test_size=0.3,\n"
                 "                                                    stratify=data.target, random_state=1)\n"
                 "scaler = StandardScaler().fit(X_train)\n"
                 "X_train, X_test = (torch.tensor(scaler.transform(a), dtype=torch.float32) for a in (X_train, X_test))\n\n"
                 "torch.manual_seed(0)\n"
                 "model = nn.Sequential(nn.Linear(X_train.shape[1], 16), nn.ReLU(), nn.Linear(16, 3))\n"
                 "loss_fn = nn.CrossEntropyLoss()            # takes logits and class indices\n"
                 "optimizer = torch.optim.Adam(model.parameters(), lr=0.01)\n"
                 "loader = DataLoader(TensorDataset(X_train, torch.tensor(y_train)), batch_size=16, shuffle=True)\n"
                 "for epoch in range(%2):\n"
                 "    for xb, yb in loader:\n"
                 "        optimizer.zero_grad()\n"
                 "        loss_fn(model(xb), yb).backward()\n"
                 "        optimizer.step()\n\n"
                 "with torch.no_grad():\n"
                 "    y_pred = model(X_test).argmax(dim=1).numpy()\n"
                 "print(confusion_matrix(y_test, y_pred))\n"
                 "print(classification_report(y_test, y_pred, target_names=data.target_names, zero_division=0))\n"
                 "# micro average (equals accuracy here: one label per sample)\n"
                 "print(precision_recall_fscore_support(y_test, y_pred, average=\"micro\", zero_division=0))\n"
                 "# macro F1 %3, weighted F1 %4, accuracy %5\n")
      .arg(loader)
      .arg(frame_->epoch)
      .arg(report_.macro.f1, 0, 'f', 3)
      .arg(report_.weighted.f1, 0, 'f', 3)
      .arg(report_.accuracy, 0, 'f', 3);
}

}  // namespace gsui
