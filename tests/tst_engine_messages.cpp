// The engine's messages in the learner's language (issue 15): every coded message of core has
// one English template (the text core throws) and a Korean translation with the same
// placeholders; real mistakes give the expected code and values; what the Tensors lab refuses is
// said in coded sentences and words; and what the Autograd, Tensors and Losses labs show in Korean
// has no English left but PyTorch's own words.
#include <QtTest>

#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QGraphicsView>

#include "english_in.h"

#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QFile>
#include <QTemporaryDir>
#include <QTextDocument>
#include <functional>
#include <set>

#include "app/engine_message.h"
#include "app/language.h"
#include "app/layout_check.h"
#include "autograd/expression.h"
#include "backend/backend.h"
#include "builder/network_builder.h"
#include "data/csv_import.h"
#include "data/loaders.h"
#include "eval/interpreter.h"
#include "eval/syntax.h"
#include "io/safetensors.h"
#include "labs/autograd/autograd_lab.h"
#include "labs/gpu/gpu_lab.h"
#include "labs/losses/losses_lab.h"
#include "labs/losses/mistakes_page.h"
#include "labs/tensors/tensors_lab.h"
#include "ops/conv_explain.h"
#include "ops/functional.h"
#include "spec/model_spec.h"
#include "util/error_codes.h"

using namespace gsui;
using Args = std::vector<std::string>;

namespace {

/// The placeholders %1 … %9 a sentence uses.
std::set<int> placeholders(const QString& text) {
  std::set<int> out;
  static const QRegularExpression p("%([1-9])");
  for (auto it = p.globalMatch(text); it.hasNext();) out.insert(it.next().captured(1).toInt());
  return out;
}


/// Rich text as a learner reads it, with the <code> spans (PyTorch's words, program text) left out.
QString withoutCode(const QString& html) {
  QString h = html;
  h.remove(QRegularExpression("<code>.*?</code>", QRegularExpression::DotMatchesEverythingOption));
  QTextDocument doc;
  doc.setHtml(h);
  return doc.toPlainText();
}

/// Runs f and returns the gs::Error it throws (fails the test if it throws none).
gs::Error errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const gs::Error& e) {
    return e;
  }
  return gs::Error("(no error)");
}

gs::Tensor leaf(std::vector<double> v) {
  gs::Tensor x = gs::from_vector(v, {static_cast<std::int64_t>(v.size())});
  x.requires_grad_(true);
  return x;
}

/// The explanation part of what() (without "(PyTorch: …)").
std::string explanationOf(const gs::Error& e) {
  const std::string what = e.what();
  const std::size_t p = what.find("\n(PyTorch: ");
  return p == std::string::npos ? what : what.substr(0, p);
}

struct Trigger {
  const char* name;
  std::function<void()> run;
  const char* code;
  Args args;
};

/// Real mistakes, made by calling core as the labs do.
const std::vector<Trigger>& triggers() {
  using namespace gs;
  static const std::vector<Trigger> list = {
      {"backward twice", [] { Tensor x = leaf({1, 2, 3}); Tensor y = sum(x * x); y.backward(); y.backward(); },
       "backward_freed_graph", {"MulBackward0"}},
      {"backward on a non-scalar", [] { (leaf({1, 2, 3}) * 2.0).backward(); }, "backward_non_scalar", {"[3]", "3"}},
      {"nothing requires grad", [] { sum(from_vector({1, 2, 3}, {3})).backward(); }, "backward_nothing_requires_grad", {}},
      {"in place on a leaf", [] { leaf({1, 2, 3}).add_(1.0); }, "inplace_leaf_requires_grad", {"add_"}},
      {"saved tensor modified", [] { Tensor a = leaf({1, 1, 1}) * 2.0; Tensor y = sum(a * a); a.add_(1.0); y.backward(); },
       "saved_tensor_modified", {"MulBackward0", "self", "[3]"}},
      {"view on a transposed tensor", [] { arange(6).view({2, 3}).t().view({6}); }, "view_not_contiguous", {"[6]", "[1, 3]"}},
      {"broadcasting mismatch", [] { (void)(ones({2, 3}) + ones({2})); }, "broadcast_mismatch", {"[2, 3]", "[2]", "1", "3", "2"}},
      {"matmul shapes", [] { matmul(ones({2, 3}), ones({2, 3})); }, "mm_shapes", {"2x3", "2x3", "3", "2"}},
      {"cat shapes", [] { cat({ones({2, 3}), ones({2, 2})}, 0); }, "cat_sizes", {"1", "[2, 2]", "[2, 3]", "0"}},
      {"item on many", [] { ones({3}).item(); }, "item_not_one_element", {"[3]", "3"}},
      {"dim out of range", [] { ones({3}).unsqueeze(5); }, "dim_out_of_range", {"5", "2", "[-2, 1]"}},
      {"BCELoss on 3.0", [] { binary_cross_entropy(from_vector({3.0}, {1}), from_vector({1.0}, {1})); },
       "bce_needs_probabilities", {"0", "3.000000"}},
      {"CE with float indices", [] { cross_entropy(ones({4, 3}), from_vector({0, 1, 2, 0}, {4})); }, "nll_target_dtype",
       {"torch.float32"}},
      {"(N, 1) vs (N,)", [] { mse_loss(ones({4, 1}), ones({4})); }, "loss_shape_mismatch", {"MSELoss", "[4, 1]", "[4]"}},
      {"padding same with stride 2",
       [] { conv2d_padding({3, 3}, {.stride = {2, 2}, .padding_mode = PaddingMode::Same}); }, "conv_same_padding_stride", {}},
      {"unknown function",
       [] { gs::expr::evaluate("y = sigmod(x)", {{"x", scalar_tensor(1.0)}}); }, "expr_unknown_function_hint",
       {"1", "5", "sigmod", "sigmoid"}},
      {"unclosed bracket", [] { gs::expr::evaluate("y = (x", {{"x", scalar_tensor(1.0)}}); }, "expr_expected",
       {"1", "7", ")", "the end of the program"}},
  };
  return list;
}

/// "<construct> is not supported here: …" as the Tensors lab's evaluator has always said it.
std::string refusedEnglish(const std::string& construct, const std::string& hint = "") {
  return construct + " is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor "
                     "pages use." + (hint.empty() ? "" : " " + hint);
}

/// A program the Tensors lab refuses by name: the coded sentence and values it gets (a "word_…"
/// value is one of core's coded words, any other value is program text quoted as it is), and the
/// English the evaluator printed before its refusals were coded.
struct Refusal {
  const char* name;
  const char* program;
  const char* code;
  Args args;
  std::string english;
};

const std::vector<Refusal>& refusals() {
  static const std::vector<Refusal> list = {
      {"x.cuda()", "x = torch.ones(2)\nx.cuda()", "eval_not_supported_hint", {"x.cuda()", "word_eval_hint_gpu_lab"},
       refusedEnglish("x.cuda()", "The Tensors lab runs on the CPU; the GPU lab shows devices.")},
      {"view(dtype)", "x = torch.ones(2)\nx.view(torch.float64)", "eval_not_supported_hint", {"view(dtype)", "word_eval_hint_use_to_dtype"},
       refusedEnglish("view(dtype)", "Use .to(dtype) to convert.")},
      {"x.numpy()", "x = torch.ones(2)\nx.numpy()", "eval_not_supported_hint", {"x.numpy()", "word_eval_hint_use_tolist"},
       refusedEnglish("x.numpy()", "Use x.tolist().")},
      {"a tensor of bools", "torch.tensor([True, False])", "eval_not_supported_hint",
       {"word_eval_tensor_of_bools", "word_eval_hint_use_1_and_0"}, refusedEnglish("bool tensors (torch.tensor of True/False)", "Use 1 and 0.")},
      {"requires_grad", "torch.ones(2, requires_grad=True)", "eval_not_supported_hint",
       {"word_eval_requires_grad_here", "word_eval_hint_autograd_lab"},
       refusedEnglish("requires_grad=True here", "Gradients live in the Autograd lab.")},
      {"x.T of three dims", "x = torch.ones(2, 2, 2)\nx.T", "eval_not_supported_hint",
       {"word_eval_transpose_more_than_2d", "word_eval_hint_use_permute"}, refusedEnglish("x.T on a tensor with more than 2 dims", "Use permute().")},
      {"@=", "x = torch.ones(2, 2)\nx @= x", "eval_not_supported_hint", {"word_eval_inplace_matmul", "word_eval_hint_write_matmul"},
       refusedEnglish("in-place matrix product (@=)", "Write x = x @ y.")},
      {"nested index lists", "x = torch.arange(6)\nx[[[0]]]", "eval_not_supported_hint",
       {"word_eval_nested_index_lists", "word_eval_hint_one_list_of_ints"}, refusedEnglish("nested lists as an index", "Index with one list of ints.")},
      {"rebinding torch", "torch = 1", "eval_not_supported", {"word_eval_rebinding_torch"}, refusedEnglish("rebinding the name torch")},
      {"elementwise max", "x = torch.ones(2)\nx.max(x)", "eval_elementwise_of_two_tensors", {"max"},
       refusedEnglish("x.max(other) (the elementwise max of two tensors)", "Use torch.where or clamp.")},
      {"int() of a list", "int([1, 2])", "eval_builtin_of_type", {"int", "list"}, refusedEnglish("int() of a list")},
      {"// on tensors", "x = torch.arange(3)\nx // 2", "eval_operator_on_tensors", {"//"}, refusedEnglish("the operator // on tensors")},
      {"an integer beyond 2^53", "x = torch.zeros(2)\nx[0] = 9007199254740993", "eval_integer_beyond_2_53",
       {"9007199254740993", "word_eval_an_assignment"},
       refusedEnglish("the integer 9007199254740993 in an assignment (beyond 2^53)", "Values this large lose digits on the way into a tensor here.")},
      {"slicing a shape", "x = torch.ones(2, 3)\nx.shape[0:1]", "eval_slicing", {"torch.Size"},
       refusedEnglish("slicing a torch.Size", "Index one element, e.g. x.shape[0].")},
      {"an integer beyond 64 bits", "y = 2 ** 70", "eval_integers_beyond_64_bits", {"2 ** 70"}, refusedEnglish("integers beyond 64 bits (2 ** 70)")},
      {"item assignment on a list", "a = [1, 2]\na[0] = 3", "eval_item_assignment", {"list"}, refusedEnglish("item assignment on a list")},
  };
  return list;
}

/// A refusal's values as the evaluator gives them: its coded words in English.
Args valuesOf(const Refusal& r) {
  Args out;
  for (const std::string& a : r.args) out.push_back(gs::eval::coded_word(a));
  return out;
}

}  // namespace

class TestEngineMessages : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }
  void cleanup() { Language::instance().setLanguage("en"); }

  void theRuleFindsEnglish() {
    // The Korean checks below mean something only if the rule sees English where there is some.
    QVERIFY(!englishIn("view() cannot give shape [6] to this tensor without copying").isEmpty());
    QVERIFY(englishIn("view()는 복사 없이 이 텐서에 모양 [6]을(를) 줄 수 없습니다").isEmpty());
    QCOMPARE(withoutCode("설명<br><code>PyTorch's message: RuntimeError: boom</code>"), QString("설명\n"));
  }

  void everyTemplateIsWellFormed() {
    std::set<std::string> codes;
    for (const gs::MessageTemplate& m : gs::message_templates()) {
      QVERIFY2(codes.insert(m.code).second, m.code);  // codes are unique
      std::set<int> expected;
      for (int i = 1; i <= m.arity; ++i) expected.insert(i);
      QVERIFY2(placeholders(QString::fromUtf8(m.english)) == expected, m.code);
    }
  }

  void uiSourcesAreCoresTemplates() {
    // One source of truth: the texts marked for translation are core's templates, one for one.
    const auto sources = engineMessageSources();
    const auto& table = gs::message_templates();
    QCOMPARE(sources.size(), static_cast<qsizetype>(table.size()));
    for (std::size_t i = 0; i < table.size(); ++i) {
      QCOMPARE(sources[qsizetype(i)].first, QString::fromLatin1(table[i].code));
      QCOMPARE(sources[qsizetype(i)].second, QString::fromUtf8(table[i].english));
    }
  }

  void englishIsFormattedFromTheTemplate() {
    QCOMPARE(gs::format_message("backward_non_scalar", {"[3]", "3"}),
             std::string("backward() can only start from a single number (a scalar), but this output has shape [3] (3 values). "
                         "Reduce it to one number first, e.g. y.sum().backward() or y.mean().backward(), or pass a gradient "
                         "of the same shape: y.backward(torch.ones_like(y))."));
    // An argument holding "%2" is not substituted again; an unknown code keeps its values.
    QCOMPARE(gs::format_message("dot_lengths", {"%2", "4"}), std::string("dot product of vectors of different lengths (%2 and 4)"));
    QCOMPARE(gs::format_message("no_such_code", {"a", "b"}), std::string("no_such_code a b"));
    const gs::Error e = gs::coded_error("huber_delta", {"-1"}, "ValueError: x");
    QCOMPARE(e.code(), std::string("huber_delta"));
    QCOMPARE(std::string(e.what()), std::string("HuberLoss: delta must be positive, got -1\n(PyTorch: ValueError: x)"));
  }

  void realMistakesCarryTheirCode_data() {
    QTest::addColumn<int>("row");
    for (std::size_t i = 0; i < triggers().size(); ++i) QTest::newRow(triggers()[i].name) << int(i);
  }
  void realMistakesCarryTheirCode() {
    QFETCH(int, row);
    const Trigger& t = triggers()[std::size_t(row)];
    const gs::Error e = errorOf(t.run);
    QCOMPARE(e.code(), std::string(t.code));
    QCOMPARE(e.args(), t.args);
    // The English the engine throws is the template filled with those values.
    QCOMPARE(explanationOf(e), gs::format_message(t.code, t.args));
    // In English, the UI shows exactly that.
    QCOMPARE(engineExplanation(e), QString::fromStdString(explanationOf(e)));
  }

  void builderAndDeviceReasonsCarryTheirCode() {
    const auto report = gs::spec::infer_shapes(gs::spec::parse_model_spec(nlohmann::json::parse(
        R"({"input_shape": [1, 28, 28], "layers": [{"type": "Conv2d", "out_channels": 8, "kernel_size": 3, "padding": 1},
            {"type": "MaxPool2d", "kernel_size": 2}, {"type": "Linear", "out_features": 10}]})")));
    QCOMPARE(report.error_code, std::string("linear_needs_flat"));
    QCOMPARE(report.error_args, (Args{"[N, 8, 14, 14]", "1568"}));
    QCOMPARE(report.error_sentence, gs::format_message("linear_needs_flat", report.error_args));
    QCOMPARE(report.error_layer_type, std::string("Linear"));
    QCOMPARE(report.error, "layer 2 (Linear): " + report.error_sentence);
    const gs::DeviceStatus cuda = gs::device_status(gs::Device::CUDA);
    if (!cuda.available) {
      QVERIFY(!cuda.code.empty());
      QCOMPARE(cuda.reason, gs::format_message(cuda.code, cuda.args));
      std::string why;
      QVERIFY(!gs::device_available(gs::Device::CUDA, &why));
      QCOMPARE(why, cuda.reason);
    }
  }

  void missingFashionMnistIsCoded() {
    const QByteArray before = qgetenv("GRADSCOPE_FASHION_MNIST_DIR");
    qputenv("GRADSCOPE_FASHION_MNIST_DIR", "/nonexistent/fashion-mnist");
    const gs::Error e = errorOf([] { gs::data::load_builtin("fashion_mnist"); });
    if (before.isEmpty()) qunsetenv("GRADSCOPE_FASHION_MNIST_DIR");
    else qputenv("GRADSCOPE_FASHION_MNIST_DIR", before);
    QCOMPARE(e.code(), std::string("fashion_mnist_missing"));
    QCOMPARE(e.args(), (Args{"/nonexistent/fashion-mnist"}));
    QCOMPARE(explanationOf(e), gs::format_message(e.code(), e.args()));
  }

  // CSV tables, safetensors files and the Tensors lab's parser: coded, with the English they
  // always had (the template filled in), a Korean sentence, and core's words said as words.
  void filesAndTheParserAreCoded() {
    QTemporaryDir dir;
    auto write = [&dir](const QString& name, const QByteArray& bytes) {
      QFile f(dir.filePath(name));
      if (f.open(QIODevice::WriteOnly)) f.write(bytes);
      return dir.filePath(name).toStdString();
    };
    auto check = [](const gs::Error& e, const char* code) {
      QCOMPARE(e.code(), std::string(code));
      QCOMPARE(explanationOf(e), gs::format_message(e.code(), e.args()));
      QCOMPARE(engineExplanation(e), QString::fromStdString(explanationOf(e)));
    };
    const std::string ragged = write("ragged.csv", "a,b,label\n1,2,x\n3,4\n");
    gs::Error e = errorOf([&] { gs::data::read_csv_table(ragged); });
    check(e, "csv_ragged");
    QCOMPARE(std::string(e.what()), ragged + ":3: 2 fields where the header names 3 (every row needs one value per column)");
    QByteArray rows = "a,b,label\n1,,x\n";
    for (int i = 0; i < 30; ++i) rows += QByteArray::number(i) + "," + QByteArray::number(i) + (i % 2 ? ",x\n" : ",y\n");
    const std::string empty_field = write("empty.csv", rows);
    e = errorOf([&] {
      gs::data::table_to_dataset(gs::data::read_csv_table(empty_field), {.features = {"a", "b"}, .target = "label"});
    });
    check(e, "csv_not_a_number");
    QCOMPARE(e.args().at(3), std::string());  // (the Playground's dialog says "the value is missing")
    const std::string short_file = write("short.safetensors", "abcd");
    e = errorOf([&] { gs::io::read_safetensors(short_file); });
    check(e, "safetensors_too_short");
    QCOMPARE(std::string(e.what()), short_file + ": not a safetensors file we can read: it has 4 bytes, fewer than the 8 of the header length");
    // A file of another network: the sentence after the file's name, PyTorch's words kept.
    auto small = gs::spec::build_model(gs::spec::parse_model_spec(nlohmann::json::parse(R"({"input_shape": [2], "layers": [{"type": "Linear", "out_features": 3}]})")));
    auto other = gs::spec::build_model(gs::spec::parse_model_spec(nlohmann::json::parse(R"({"input_shape": [4], "layers": [{"type": "Linear", "out_features": 3}]})")));
    const std::string weights = dir.filePath("small.safetensors").toStdString();
    gs::io::save_weights(weights, *small);
    e = errorOf([&] { gs::io::load_weights(weights, *other); });
    check(e, "weights_shape");
    QCOMPARE(e.args().at(0), weights);
    QVERIFY(e.torch_message().find("size mismatch for 0.weight") != std::string::npos);
    QVERIFY(std::string(e.what()).starts_with(weights + ": the weights' \"0.weight\" has shape [3, 2] but this network's has [3, 4]\n(PyTorch: "));
    // The parser: a construct, a token expected, a bracket never closed.
    auto parseError = [](const std::string& text) {
      try {
        gs::eval::parse_statement(text);
      } catch (const gs::eval::EvalError& error) {
        return error;
      }
      return gs::eval::EvalError{};
    };
    gs::eval::EvalError p = parseError("y = x if x else 1");
    QCOMPARE(p.code, std::string("eval_not_supported"));
    QCOMPARE(p.args, (Args{"conditional expressions (a if c else b)"}));
    QCOMPARE(p.message, gs::format_message(p.code, p.args));
    QCOMPARE(p.message, std::string("conditional expressions (a if c else b) is not supported here: the Tensors lab runs the part of "
                                    "Python and PyTorch that the course's tensor pages use."));
    gs::eval::EvalError q = parseError("import");
    QCOMPARE(q.code, std::string("eval_expected"));
    QCOMPARE(QString::fromStdString(q.message), QString("expected a module name at column 7, found the end of the statement"));
    e = errorOf([] { gs::eval::split_statements("y = (x"); });
    check(e, "eval_line_bracket_never_closed");
    QCOMPARE(std::string(e.what()), std::string("line 1: '(' is never closed"));
    // In Korean: the sentence, and the coded words in it, in Korean.
    QVERIFY(Language::instance().setLanguage("ko"));
    const QString korean = engineMessage(q.code, q.args, QString::fromStdString(q.message));
    QVERIFY2(korean.contains(QString::fromUtf8("모듈 이름")) && korean.contains(QString::fromUtf8("문장의 끝")), qPrintable(korean));
    QVERIFY2(englishIn(korean).isEmpty(), qPrintable(englishIn(korean).join("; ")));
    const QString construct = engineMessage(p.code, p.args, QString::fromStdString(p.message));
    QVERIFY2(construct.contains(QString::fromUtf8("조건식")), qPrintable(construct));
  }

  // The Tensors lab's refusals (core/eval): a coded sentence with the English it always had; its
  // prose values are core's coded words, each with its entry in the UI's table.
  void evaluatorRefusalsAreCoded_data() {
    QTest::addColumn<int>("row");
    for (std::size_t i = 0; i < refusals().size(); ++i) QTest::newRow(refusals()[i].name) << int(i);
  }
  void evaluatorRefusalsAreCoded() {
    QFETCH(int, row);
    const Refusal& r = refusals()[std::size_t(row)];
    gs::eval::Interpreter interpreter;
    const gs::eval::Outcome o = interpreter.run_program(r.program);
    QVERIFY(!o.ok);
    QCOMPARE(o.error_type, std::string("NotSupported"));
    QCOMPARE(o.code, std::string(r.code));
    QCOMPARE(o.args, valuesOf(r));
    QCOMPARE(o.message, r.english);
    QCOMPARE(o.message, gs::format_message(o.code, o.args));
    QCOMPARE(engineMessage(o.code, o.args, {}), QString::fromStdString(r.english));
    const auto sources = engineMessageSources();
    for (const std::string& a : r.args)
      if (a.starts_with("word_"))
        QVERIFY2(sources.contains(qMakePair(QString::fromStdString(a), QString::fromStdString(gs::eval::coded_word(a)))), a.c_str());
  }

  void uncodedErrorsFallBackToEnglish() {
    const gs::Error plain("something only core says", "RuntimeError: boom");
    QCOMPARE(engineExplanation(plain), QString("something only core says"));
    QCOMPARE(engineMessage(plain), QString("something only core says\nPyTorch's message: RuntimeError: boom"));
    // A code whose values do not fit its sentence is shown as core wrote it.
    QCOMPARE(engineMessage("backward_non_scalar", {"[3]"}, "as core wrote it"), QString("as core wrote it"));
  }

  // ---------------------------------------------------------------- Korean (needs the catalogue)

  void everyCodeHasAKoreanSentence() {
    QVERIFY(Language::instance().setLanguage("ko"));
    QStringList missing;
    for (const gs::MessageTemplate& m : gs::message_templates()) {
      const QString english = QString::fromUtf8(m.english);
      const QString korean = QCoreApplication::translate("gsui::EngineMessage", m.english);
      if (korean == english) {
        missing << m.code;
        continue;
      }
      QVERIFY2(placeholders(korean) == placeholders(english), m.code);
    }
    QVERIFY2(missing.isEmpty(), qPrintable("no Korean for: " + missing.join(", ")));
  }

  void evaluatorWordsAreSaidInKorean() {
    // Every coded word of the evaluator (a construct or a hint) has its entry in the UI's table
    // and is said in Korean inside the sentence that quotes it.
    QVERIFY(Language::instance().setLanguage("ko"));
    const auto sources = engineMessageSources();
    int words = 0;
    for (const gs::MessageTemplate& m : gs::message_templates()) {
      if (!std::string_view(m.code).starts_with("word_eval_")) continue;
      ++words;
      const QString english = QString::fromUtf8(m.english);
      QVERIFY2(m.arity == 0, m.code);
      QVERIFY2(sources.contains(qMakePair(QString::fromLatin1(m.code), english)), m.code);
      const QString korean = engineMessage("eval_not_supported", {m.english}, QString());
      QVERIFY2(!korean.isEmpty() && !korean.contains(english), qPrintable(QString(m.code) + ": " + korean));
      const QStringList found = englishIn(korean);
      QVERIFY2(found.isEmpty(), qPrintable(QString(m.code) + ": " + found.join("; ")));
    }
    QVERIFY(words >= 70);  // the parser's words and the evaluator's
  }

  void evaluatorRefusalsInKorean_data() { evaluatorRefusalsAreCoded_data(); }
  void evaluatorRefusalsInKorean() {
    QFETCH(int, row);
    const Refusal& r = refusals()[std::size_t(row)];
    QVERIFY(Language::instance().setLanguage("ko"));
    gs::eval::Interpreter interpreter;
    const gs::eval::Outcome o = interpreter.run_program(r.program);
    const QString korean = engineMessage(o.code, o.args, QString::fromStdString(o.message));
    QVERIFY2(korean != QString::fromStdString(o.message), qPrintable(korean));
    // The coded words are said in Korean; program text is quoted as written, and nothing else is English.
    QString ours = korean;
    for (const std::string& a : r.args) {
      const QString value = QString::fromStdString(gs::eval::coded_word(a));
      if (a.starts_with("word_")) {
        QVERIFY2(!korean.contains(value), qPrintable(value + " in " + korean));
      } else {
        QVERIFY2(ours.contains(value), qPrintable(value + " not in " + korean));
        ours.remove(value);
      }
    }
    const QStringList english = englishIn(ours);
    QVERIFY2(english.isEmpty(), qPrintable(english.join("; ")));
  }

  void realMistakesInKorean_data() { realMistakesCarryTheirCode_data(); }
  void realMistakesInKorean() {
    QFETCH(int, row);
    const Trigger& t = triggers()[std::size_t(row)];
    QVERIFY(Language::instance().setLanguage("ko"));
    const gs::Error e = errorOf(t.run);
    const QString korean = engineExplanation(e);
    QVERIFY2(korean != QString::fromStdString(explanationOf(e)), qPrintable(korean));
    for (const std::string& a : e.args()) {
      if (a == "the end of the program") continue;  // a coded word: said in Korean
      QVERIFY2(korean.contains(QString::fromStdString(a)), qPrintable(QString::fromStdString(a) + " not in " + korean));
    }
    const QStringList english = englishIn(korean);
    QVERIFY2(english.isEmpty(), qPrintable(english.join("; ")));
    if (!e.torch_message().empty()) {
      // PyTorch's own words stay as PyTorch says them, labelled in Korean.
      QVERIFY(engineMessage(e).contains(QString::fromStdString(e.torch_message())));
      QVERIFY(engineMessage(e).contains("PyTorch의 메시지"));
    }
  }

  void fashionMnistMissingInKorean() {
    const QByteArray before = qgetenv("GRADSCOPE_FASHION_MNIST_DIR");
    qputenv("GRADSCOPE_FASHION_MNIST_DIR", "/nonexistent/fashion-mnist");
    const gs::Error e = errorOf([] { gs::data::load_builtin("fashion_mnist_test"); });
    if (before.isEmpty()) qunsetenv("GRADSCOPE_FASHION_MNIST_DIR");
    else qputenv("GRADSCOPE_FASHION_MNIST_DIR", before);
    QVERIFY(Language::instance().setLanguage("ko"));
    const QString korean = engineExplanation(e);
    QVERIFY2(korean != QString::fromStdString(explanationOf(e)), qPrintable(korean));
    QVERIFY2(korean.contains("/nonexistent/fashion-mnist") && korean.contains("dataset-fashion-mnist"), qPrintable(korean));
    const QStringList english = englishIn(korean);
    QVERIFY2(english.isEmpty(), qPrintable(english.join("; ")));
  }

  void builderSaysTheLayersMistakeInKorean() {
    // The builder's shape error: core's code and values, said at the layer at fault in Korean.
    QVERIFY(Language::instance().setLanguage("ko"));
    NetworkBuilder builder;
    builder.resize(1280, 720);
    builder.show();
    QCOMPARE(builder.setSpecJson(nlohmann::json::parse(
                 R"({"input_shape": [1, 28, 28], "layers": [{"type": "Conv2d", "out_channels": 8, "kernel_size": 3, "padding": 1},
                     {"type": "MaxPool2d", "kernel_size": 2}, {"type": "Linear", "out_features": 10}]})")),
             QString());
    QCOMPARE(builder.report().error_code, std::string("linear_needs_flat"));
    const QString text = builder.errorText();
    QVERIFY2(text.startsWith(QString::fromUtf8("2번 층 (Linear)")) || text.startsWith("Layer 2 (Linear)"), qPrintable(text));
    QVERIFY2(text.contains("[N, 8, 14, 14]") && text.contains("1568"), qPrintable(text));
    QVERIFY2(!text.contains(QString::fromStdString(builder.report().error_sentence)), qPrintable(text));
    QStringList english = englishIn(text);
    QVERIFY2(english.isEmpty(), qPrintable(english.join("; ")));
    auto* label = builder.findChild<QLabel*>("builderError");
    QVERIFY(label);
    QCOMPARE(label->text(), text);
    // So does the sentence on the canvas, beside the layer at fault.
    auto canvasSentence = [&builder]() -> QString {
      for (QGraphicsItem* item : builder.view()->scene()->items())
        if (auto* t = dynamic_cast<QGraphicsTextItem*>(item); t && t->objectName() == "faultSentence") return t->toPlainText();
      return {};
    };
    QCOMPARE(canvasSentence(), text);
    // Back in English: the sentence core throws, word for word.
    QVERIFY(Language::instance().setLanguage("en"));
    QTRY_VERIFY(label->text().contains(QString::fromStdString(builder.report().error_sentence)));
    QTRY_VERIFY(canvasSentence().contains(QString::fromStdString(builder.report().error_sentence)));
  }

  void gpuLabSaysWhyCudaIsMissingInKorean() {
    const gs::DeviceStatus cuda = gs::device_status(gs::Device::CUDA);
    if (cuda.available) QSKIP("CUDA is available on this machine: no reason to say");
    const QString english = QString::fromStdString(cuda.reason);
    QCOMPARE(GpuLab::translatedReason(english), english);
    QVERIFY(Language::instance().setLanguage("ko"));
    const QString korean = GpuLab::translatedReason(english);
    QVERIFY2(korean != english, qPrintable(korean));
    // What the driver says (cudaGetErrorString, an argument) is said in Korean when it is one of
    // the runtime's reasons core knows as a coded word ("CUDA driver version is insufficient …"),
    // else quoted in its own words; nothing else is left in English.
    QString ours = korean;
    for (const std::string& a : cuda.args) ours.remove(QString::fromStdString(a));
    const QStringList found = englishIn(ours);
    QVERIFY2(found.isEmpty(), qPrintable(found.join("; ")));
    QCOMPARE(GpuLab::translatedReason("something new"), QString("something new"));  // not this machine's reason: as it is
  }

  void autogradLabSpeaksKorean() {
    QVERIFY(Language::instance().setLanguage("ko"));
    AutogradLab lab;
    lab.resize(1280, 720);
    lab.show();
    auto* backward = lab.controls()->findChild<QPushButton*>("backward");
    auto* error = lab.findChild<QLabel*>("error");
    QVERIFY(backward && error);
    int errors = 0;
    for (int i = 0; i < lab.exampleCount(); ++i) {
      lab.chooseExample(i);
      QTest::mouseClick(backward, Qt::LeftButton);
      QTest::mouseClick(backward, Qt::LeftButton);  // a second time: the freed graph, or the example's mistake
      QVERIFY2(!error->text().isEmpty(), qPrintable(QString::number(i)));
      ++errors;
      const QStringList english = englishIn(error->text());
      QVERIFY2(english.isEmpty(), qPrintable(QString::number(i) + ": " + english.join("; ")));
    }
    QCOMPARE(errors, lab.exampleCount());
    lab.setProgram("y = sigmod(x)");
    QVERIFY(englishIn(error->text()).isEmpty());
    QVERIFY(error->text().contains("sigmod"));
  }

  void tensorsLabSpeaksKorean() {
    QVERIFY(Language::instance().setLanguage("ko"));
    TensorsLab lab;
    lab.resize(1280, 720);
    lab.show();
    int errors = 0;
    for (const QString& id : TensorsLab::presetIds()) {
      QVERIFY(lab.showPage(id));
      lab.runAll();
      const QString html = lab.errorText();
      if (html.isEmpty()) continue;
      ++errors;
      const QStringList english = englishIn(withoutCode(html));
      QVERIFY2(english.isEmpty(), qPrintable(id + ": " + english.join("; ")));
    }
    QVERIFY(errors >= 2);  // permute-then-view and the matmul shapes at least
  }

  void lossesMistakesSpeakKorean() {
    QVERIFY(Language::instance().setLanguage("ko"));
    LossesLab lab;
    lab.resize(1280, 720);
    lab.show();
    auto* page = lab.findChild<MistakesPage*>();
    QVERIFY(page);
    auto* details = page->findChild<QLabel*>("mistakeDetails");
    QVERIFY(details);
    int refused = 0;
    for (int m = 0; m < MistakesPage::kMistakes; ++m) {
      page->setMistake(static_cast<MistakesPage::Mistake>(m));
      if (details->text().contains("PyTorch의 메시지")) ++refused;
      const QStringList english = englishIn(withoutCode(details->text()));
      QVERIFY2(english.isEmpty(), qPrintable(QString::number(m) + ": " + english.join("; ")));
    }
    QVERIFY(refused >= 3);  // BCE on logits, one-hot targets, (N, 1) vs (N,)
  }
};

QTEST_MAIN(TestEngineMessages)
#include "tst_engine_messages.moc"
