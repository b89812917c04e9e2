#pragma once
// The engine's messages in the learner's language. Core gives a code and its arguments beside
// the English text (core/util/error_codes.h); here the code's sentence is looked up in the
// translation catalogue (context "gsui::EngineMessage") and the arguments filled in. PyTorch's
// own message stays in English, labelled in the current language, so a learner can recognise it
// in PyTorch; an error without a code is shown as core words it.
#include <QList>
#include <QPair>
#include <QString>
#include <string>
#include <vector>

#include "util/error.h"

namespace gsui {

/// The sentence of `code` in the current language with %1 … %n replaced by args (an argument
/// that is itself one of core's coded words, e.g. "the end of the program", is translated too).
/// english_fallback when the code is empty or unknown.
QString engineMessage(const std::string& code, const std::vector<std::string>& args, const QString& english_fallback);

/// An engine error's explanation in the current language, without PyTorch's message.
QString engineExplanation(const gs::Error& error);

/// PyTorch's own message, labelled in the current language ("PyTorch's message: …"); empty for none.
QString torchMessageLine(const std::string& torch_message);

/// An engine error as the learner reads it: the explanation, then (on its own line) PyTorch's
/// message when the error has one.
QString engineMessage(const gs::Error& error);

/// Every code with its English sentence as marked for translation here (the catalogue's source
/// texts): a test checks they are core's templates, one for one.
QList<QPair<QString, QString>> engineMessageSources();

}  // namespace gsui
