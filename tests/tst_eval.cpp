// gs::eval against PyTorch: hundreds of generated programs and every preset of the Tensors lab
// (tests/golden/eval.json, written by generate_eval_golden.py), statement splitting, refusing what
// the subset does not know by name, the events the lab draws, and `gradscope-cli eval`.
#include <QtTest>

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "eval/interpreter.h"
#include "golden.h"
#include "test_helpers.h"

using nlohmann::json;
using namespace gs::eval;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string presets_dir(const char* language) {
  return std::string(GRADSCOPE_GOLDEN_DIR) + "/../../resources/tensors/" + language + "/";
}

/// Relative tolerance per dtype: float32 results may differ in summation order, float64 barely,
/// integers not at all. The absolute part covers values that cancel to (almost) zero.
std::pair<double, double> value_tolerance(const std::string& dtype) {
  if (dtype == "torch.float32") return {1e-6, 1e-5};
  if (dtype == "torch.float64") return {1e-12, 1e-12};
  return {0, 0};
}

/// The first way `ours` differs from PyTorch's `theirs` ("" when they agree), naming the field
/// and, for a number, by how much it missed.
std::string difference(const json& ours, const json& theirs, const std::string& dtype, const std::string& where);

std::string number_difference(const json& ours, const json& theirs, const std::string& dtype, const std::string& where) {
  if (!ours.is_number() || ours.is_boolean())
    return where + ": expected the number " + theirs.dump() + ", got " + ours.dump();
  if (theirs.is_number_integer() != ours.is_number_integer())
    return where + ": expected " + (theirs.is_number_integer() ? "an int " : "a float ") + theirs.dump() + ", got " + ours.dump();
  if (theirs.is_number_integer()) {
    return ours.get<std::int64_t>() == theirs.get<std::int64_t>() ? "" : where + ": expected " + theirs.dump() + ", got " + ours.dump();
  }
  // A Python float outside a tensor (item(), a sum of items) carries float32 rounding at worst.
  const auto [atol, rtol] = value_tolerance(dtype.empty() ? "torch.float32" : dtype);
  const double a = ours.get<double>(), b = theirs.get<double>();
  const double allowed = atol + rtol * std::max(std::abs(a), std::abs(b));
  if (std::abs(a - b) <= allowed) return "";
  std::ostringstream s;
  s.precision(17);
  s << where << ": expected " << b << ", got " << a << " (off by " << std::abs(a - b) / allowed << "x the tolerance)";
  return s.str();
}

std::string tensor_difference(const json& ours, const json& theirs, const std::string& where) {
  if (!ours.is_object()) return where + ": expected a tensor, got " + ours.dump();
  for (const char* field : {"shape", "stride", "storage_offset", "dtype", "is_contiguous", "shares_storage_with"}) {
    if (!ours.contains(field)) return where + ": our JSON has no \"" + field + "\"";
    if (ours[field] != theirs[field])
      return where + "." + field + ": expected " + theirs[field].dump() + ", got " + ours[field].dump();
  }
  return difference(ours["values"], theirs["values"], theirs["dtype"], where + ".values");
}

std::string difference(const json& ours, const json& theirs, const std::string& dtype, const std::string& where) {
  if (theirs.is_object()) return tensor_difference(ours, theirs, where);
  if (theirs.is_array()) {
    if (!ours.is_array() || ours.size() != theirs.size())
      return where + ": expected " + theirs.dump() + ", got " + ours.dump();
    for (std::size_t i = 0; i < theirs.size(); ++i) {
      const std::string d = difference(ours[i], theirs[i], dtype, where + "[" + std::to_string(i) + "]");
      if (!d.empty()) return d;
    }
    return "";
  }
  if (theirs.is_number()) return number_difference(ours, theirs, dtype, where);
  return ours == theirs ? "" : where + ": expected " + theirs.dump() + ", got " + ours.dump();
}

/// The kinds of the events of one outcome, for messages.
bool has_event(const Outcome& o, Event::Kind kind) {
  return std::any_of(o.events.begin(), o.events.end(), [&](const Event& e) { return e.kind == kind; });
}
const Event& event_of(const Outcome& o, Event::Kind kind) {
  return *std::find_if(o.events.begin(), o.events.end(), [&](const Event& e) { return e.kind == kind; });
}

struct CliRun {
  int code;
  QString out, err;
};
CliRun cli(const QStringList& args) {
  QProcess p;
  p.start(GRADSCOPE_CLI, args);
  p.closeWriteChannel();
  p.waitForFinished(60000);
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

}  // namespace

class TestEval : public QObject {
  Q_OBJECT
  json golden_;

  /// Runs a program that must succeed and returns the JSON of its last value.
  static json value_of(const std::string& program) {
    Interpreter interpreter;
    const Outcome o = interpreter.run_program(program);
    if (!o.ok) return {{"error", o.error_type + ": " + o.message}};
    return to_json(o.value, interpreter);
  }

 private slots:
  void initTestCase() {
    golden_ = gs::testing::load_json(gs::testing::golden_path("eval.json"));
    QVERIFY(golden_["programs"].size() >= 500);
  }

  // ---------------------------------------------------------------- against PyTorch
  void programsAgreeWithPyTorch_data() {
    QTest::addColumn<int>("index");
    const json& programs = golden_["programs"];
    for (std::size_t i = 0; i < programs.size(); ++i)
      QTest::newRow(programs[i]["id"].get<std::string>().c_str()) << int(i);
  }
  void programsAgreeWithPyTorch() {
    QFETCH(int, index);
    const json& c = golden_["programs"][index];
    const std::string program = c["program"];
    Interpreter interpreter;
    const Outcome o = interpreter.run_program(program);
    const std::string context = "\n--- program:\n" + program + "\n--- ";
    // Every generated program is inside the subset: refusing one is a failure, not a pass.
    QVERIFY2(o.error_type != "NotSupported", (context + "refused: " + o.message).c_str());
    if (c["raises"]) {
      QVERIFY2(!o.ok, (context + "PyTorch raises " + c["error_type"].get<std::string>() + ": " + c["error"].get<std::string>() +
                       "\nours gives " + (o.is_expression ? to_json(o.value, interpreter).dump() : "a value")).c_str());
      QVERIFY2(o.error_type == c["error_type"].get<std::string>(),
               (context + "PyTorch raises " + c["error_type"].get<std::string>() + ": " + c["error"].get<std::string>() +
                "\nours raises " + o.error_type + ": " + o.message).c_str());
      return;
    }
    QVERIFY2(o.ok, (context + "PyTorch gives " + c["result"].dump() + "\nours raises " + o.error_type + ": " + o.message).c_str());
    QVERIFY2(o.is_expression, (context + "the last statement is an expression").c_str());
    const json ours = to_json(o.value, interpreter);
    const std::string d = difference(ours, c["result"], "", "result");
    QVERIFY2(d.empty(), (context + d + "\nPyTorch: " + c["result"].dump() + "\nours:    " + ours.dump()).c_str());
  }

  void presetsAgreeWithPyTorchStatementByStatement_data() {
    QTest::addColumn<int>("index");
    const json& presets = golden_["presets"];
    for (std::size_t i = 0; i < presets.size(); ++i)
      QTest::newRow(presets[i]["file"].get<std::string>().c_str()) << int(i);
  }
  void presetsAgreeWithPyTorchStatementByStatement() {
    QFETCH(int, index);
    const json& preset = golden_["presets"][index];
    const std::string file = preset["file"];
    const std::string text = read_text(presets_dir("en") + file);
    QVERIFY2(!text.empty(), (file + " is missing or empty").c_str());
    const std::vector<Statement> statements = split_statements(text);
    const json& steps = preset["steps"];
    QCOMPARE(statements.size(), steps.size());
    Interpreter interpreter;
    for (std::size_t k = 0; k < steps.size(); ++k) {
      const json& step = steps[k];
      const std::string where = file + ":" + std::to_string(step["line"].get<int>()) + " `" + step["code"].get<std::string>() + "`";
      QVERIFY2(statements[k].first_line == step["line"].get<int>(),
               (where + ": split_statements puts it on line " + std::to_string(statements[k].first_line)).c_str());
      const Outcome o = interpreter.run(statements[k]);
      QVERIFY2(o.error_type != "NotSupported", (where + ": refused: " + o.message).c_str());
      if (step["raises"]) {
        QVERIFY2(!o.ok, (where + ": PyTorch raises " + step["error_type"].get<std::string>() + ": " + step["error"].get<std::string>()).c_str());
        QVERIFY2(o.error_type == step["error_type"].get<std::string>(),
                 (where + ": PyTorch raises " + step["error_type"].get<std::string>() + ", ours " + o.error_type + ": " + o.message).c_str());
        QVERIFY2(k + 1 == steps.size(), (where + ": a preset may raise only in its last statement").c_str());
        continue;
      }
      QVERIFY2(o.ok, (where + ": PyTorch gives " + step["result"].dump() + ", ours raises " + o.error_type + ": " + o.message).c_str());
      // An assignment is checked through the variables it bound, an expression through its value.
      json ours;
      const std::vector<std::string> names = step["assigned"];
      if (names.empty()) {
        ours = to_json(o.value, interpreter);
      } else {
        for (const std::string& name : names) {
          const Value* v = interpreter.variable(name);
          QVERIFY2(v, (where + ": " + name + " is not bound").c_str());
          ours.push_back(to_json(*v, interpreter));
        }
        if (names.size() == 1) ours = json(ours[0]);
      }
      const std::string d = difference(ours, step["result"], "", "result");
      QVERIFY2(d.empty(), (where + ": " + d + "\nPyTorch: " + step["result"].dump() + "\nours:    " + ours.dump()).c_str());
    }
  }

  void everyPresetHasAGoldenAndAKoreanTwin() {
    const QStringList en = QDir(QString::fromStdString(presets_dir("en"))).entryList({"*.py"}, QDir::Files, QDir::Name);
    QVERIFY(en.size() >= 8);
    QCOMPARE(std::size_t(en.size()), golden_["presets"].size());
    for (std::size_t i = 0; i < golden_["presets"].size(); ++i)
      QCOMPARE(en[int(i)].toStdString(), golden_["presets"][i]["file"].get<std::string>());
    // The Korean presets are the same programs with Korean comments.
    for (const QString& name : en) {
      const auto ko = split_statements(read_text(presets_dir("ko") + name.toStdString()));
      const auto ours = split_statements(read_text(presets_dir("en") + name.toStdString()));
      QVERIFY2(ko.size() == ours.size(), qPrintable("ko/" + name + " has a different number of statements"));
      for (std::size_t k = 0; k < ko.size(); ++k)
        QVERIFY2(ko[k].text == ours[k].text, qPrintable("ko/" + name + ": `" + QString::fromStdString(ko[k].text) + "`"));
    }
  }

  // ---------------------------------------------------------------- statements
  void splitStatementsOnNewlinesSemicolonsAndBrackets() {
    const auto s = split_statements("import torch\na = 1; b = 2\nc = torch.tensor([1,\n  2,\n  3])  # three\n\n# a comment line\nd = 'a;b'\nc");
    QCOMPARE(s.size(), std::size_t(6));
    QCOMPARE(s[0].text, std::string("import torch"));
    QCOMPARE(s[1].text, std::string("a = 1"));
    QCOMPARE(s[2].text, std::string("b = 2"));
    QCOMPARE(s[1].first_line, 2);
    QCOMPARE(s[2].first_line, 2);
    QVERIFY_CONTAINS(s[3].text, "c = torch.tensor([1,");
    QVERIFY(s[3].text.find("three") == std::string::npos);
    QCOMPARE(s[3].first_line, 3);
    QCOMPARE(s[3].last_line, 5);
    QCOMPARE(s[4].text, std::string("d = 'a;b'"));
    QCOMPARE(s[5].text, std::string("c"));
    QCOMPARE(s[5].first_line, 9);
    QVERIFY(split_statements("# only a comment\n\n  \n").empty());
  }

  void splitStatementsNamesTheLineOfAnUnclosedBracket() {
    const std::string e = error_of([] { split_statements("x = torch.arange(6)\ny = x.view(2,\n  3\nz = 1"); });
    QVERIFY_CONTAINS(e, "line 2");
    QVERIFY_CONTAINS(e, "(");
    QVERIFY_CONTAINS(error_of([] { split_statements("a = 1\nb = torch.tensor([1, 2)]"); }), "line 2");
  }

  // ---------------------------------------------------------------- refusals and errors
  void syntaxOutsideTheSubsetIsRefusedByName_data() {
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("construct");
    QTest::newRow("for") << "for i in range(3): pass" << "for";
    QTest::newRow("lambda") << "f = lambda x: x" << "lambda";
    QTest::newRow("comparison") << "x = torch.arange(3)\nx > 0" << ">";
    QTest::newRow("int32") << "torch.int32" << "int32";
    QTest::newRow("def") << "def f(): pass" << "def";
    QTest::newRow("a generator") << "g = torch.Generator()\ntorch.randn(2, 2, generator=g)" << "torch.Generator";
    QTest::newRow("while") << "while True: pass" << "while";
    QTest::newRow("dict") << "d = {'a': 1}" << "dict";
    QTest::newRow("two index lists") << "x = torch.arange(6).view(2, 3)\nx[[0, 1], [1, 2]]" << "more than one index list";
  }
  void syntaxOutsideTheSubsetIsRefusedByName() {
    QFETCH(QString, program);
    QFETCH(QString, construct);
    Interpreter interpreter;
    const Outcome o = interpreter.run_program(program.toStdString());
    QVERIFY(!o.ok);
    QCOMPARE(o.error_type, std::string("NotSupported"));
    QVERIFY_CONTAINS(o.message, construct.toStdString());
    QVERIFY_CONTAINS(o.message, "not supported here");
  }

  void unknownNamesAreNameErrors() {
    Interpreter interpreter;
    const Outcome o = interpreter.run_program("x = torch.arange(3)\ny + x");
    QVERIFY(!o.ok);
    QCOMPARE(o.error_type, std::string("NameError"));
    QVERIFY_CONTAINS(o.message, "y is not defined");
    QVERIFY_CONTAINS(o.error_text(), "NameError: name 'y' is not defined");
  }

  void errorsCarryATeachingSentenceAndPyTorchsMessage_data() {
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("torch_message");
    QTest::newRow("view of the wrong size") << "torch.arange(12).view(4, 4)" << "shape '[4, 4]' is invalid for input of size 12";
    QTest::newRow("view after permute") << "x = torch.arange(24).view(2, 3, 4)\nx.permute(2, 0, 1).view(24)"
                                        << "view size is not compatible with input tensor's size and stride";
  }
  void errorsCarryATeachingSentenceAndPyTorchsMessage() {
    QFETCH(QString, program);
    QFETCH(QString, torch_message);
    Interpreter interpreter;
    const Outcome o = interpreter.run_program(program.toStdString());
    QVERIFY(!o.ok);
    QCOMPARE(o.error_type, std::string("RuntimeError"));
    QVERIFY_CONTAINS(o.torch_message, torch_message.toStdString());
    QVERIFY_CONTAINS(o.error_text(), "RuntimeError");
    QVERIFY_CONTAINS(o.error_text(), torch_message.toStdString());
    // The teaching sentence is more than PyTorch's message repeated.
    QVERIFY(o.message.size() > 20);
    QVERIFY2(o.message.find(torch_message.toStdString()) == std::string::npos || o.message.size() > o.torch_message.size() + 20,
             o.message.c_str());
  }

  void aFailedStatementLeavesTheVariablesAsTheyWere() {
    Interpreter interpreter;
    QVERIFY(interpreter.run({"x = torch.arange(3)", 1, 1}).ok);
    const Outcome o = interpreter.run({"x = x.view(5)", 2, 2});
    QVERIFY(!o.ok);
    QCOMPARE(o.error_type, std::string("RuntimeError"));
    QVERIFY(interpreter.variable("x"));
    QCOMPARE(interpreter.variable("x")->tensor.shape(), (gs::Shape{3}));
    QVERIFY(!interpreter.run({"y = x.view(2, 2)", 3, 3}).ok);
    QVERIFY(!interpreter.variable("y"));
    QCOMPARE(interpreter.variables().size(), std::size_t(1));
    interpreter.reset();
    QVERIFY(!interpreter.variable("x"));
  }

  void runProgramStopsAtTheFirstError() {
    Interpreter interpreter;
    std::vector<Outcome> outcomes;
    const Outcome o = interpreter.run_program("x = torch.arange(4)\ny = x.view(3)\nz = x + 1", &outcomes);
    QCOMPARE(outcomes.size(), std::size_t(2));
    QVERIFY(outcomes[0].ok);
    QCOMPARE(outcomes[0].assigned, (std::vector<std::string>{"x"}));
    QVERIFY(!o.ok);
    QVERIFY(!interpreter.variable("z"));
  }

  // ---------------------------------------------------------------- storage and events
  void namesSharingStorage() {
    Interpreter interpreter;
    QVERIFY(interpreter.run_program("x = torch.arange(6)\ny = x.view(2, 3)\nz = y.t()\nw = x.clone()").ok);
    const std::vector<std::string> shared{"x", "y", "z"};
    QCOMPARE(interpreter.names_sharing_storage(interpreter.variable("z")->tensor), shared);
    QCOMPARE(interpreter.names_sharing_storage(interpreter.variable("x")->tensor), shared);
    QCOMPARE(interpreter.names_sharing_storage(interpreter.variable("w")->tensor), (std::vector<std::string>{"w"}));
    const json z = to_json(*interpreter.variable("z"), interpreter);
    QCOMPARE(z["shares_storage_with"], json(shared));
    QCOMPARE(z["stride"], json::parse("[1, 3]"));
    QCOMPARE(z["is_contiguous"], json(false));
  }

  void broadcastingIsAnEvent() {
    Interpreter interpreter;
    const Outcome o = interpreter.run({"torch.ones(1, 4) + torch.ones(4, 1)", 1, 1});
    QVERIFY(o.ok);
    QVERIFY(has_event(o, Event::Kind::Broadcast));
    const Event& e = event_of(o, Event::Kind::Broadcast);
    QCOMPARE(e.op, std::string("+"));
    QCOMPARE(e.operands.size(), std::size_t(2));
    QCOMPARE(e.operands[0].shape(), (gs::Shape{1, 4}));
    QCOMPARE(e.operands[1].shape(), (gs::Shape{4, 1}));
    QCOMPARE(e.result.shape(), (gs::Shape{4, 4}));
    QVERIFY(!has_event(interpreter.run({"torch.ones(2, 3) + torch.ones(2, 3)", 2, 2}), Event::Kind::Broadcast));
    // A Python number is broadcast too: it takes part as a 0-d operand.
    const Outcome scalar = interpreter.run({"2 * torch.ones(2, 3)", 3, 3});
    const Event& s = event_of(scalar, Event::Kind::Broadcast);
    QCOMPARE(s.operands[0].dim(), std::int64_t{0});
    QCOMPARE(s.operands[0].item(), 2.0);
    QCOMPARE(s.result.shape(), (gs::Shape{2, 3}));
  }

  void catStackAndMatmulAreEvents() {
    Interpreter interpreter;
    QVERIFY(interpreter.run_program("a = torch.ones(2, 3)\nb = torch.zeros(2, 2)").ok);
    const Outcome cat = interpreter.run({"torch.cat([a, b], dim=1)", 3, 3});
    QVERIFY(has_event(cat, Event::Kind::Cat));
    QCOMPARE(event_of(cat, Event::Kind::Cat).dim, std::int64_t(1));
    QCOMPARE(event_of(cat, Event::Kind::Cat).operands.size(), std::size_t(2));
    QCOMPARE(event_of(cat, Event::Kind::Cat).result.shape(), (gs::Shape{2, 5}));
    const Outcome stack = interpreter.run({"torch.stack([a, a], dim=-1)", 4, 4});
    QVERIFY(has_event(stack, Event::Kind::Stack));
    QCOMPARE(event_of(stack, Event::Kind::Stack).dim, std::int64_t(2));
    const Outcome mm = interpreter.run({"a @ torch.ones(3, 4)", 5, 5});
    QVERIFY(has_event(mm, Event::Kind::Matmul));
    QCOMPARE(event_of(mm, Event::Kind::Matmul).op, std::string("@"));
    QCOMPARE(event_of(mm, Event::Kind::Matmul).result.shape(), (gs::Shape{2, 4}));
  }

  void inPlaceChangesAreEvents() {
    Interpreter interpreter;
    QVERIFY(interpreter.run_program("x = torch.zeros(2, 3)\ny = x[0]").ok);
    const Outcome o = interpreter.run({"y += 1", 3, 3});
    QVERIFY(o.ok);
    QCOMPARE(o.assigned, (std::vector<std::string>{"y"}));
    QVERIFY(has_event(o, Event::Kind::InPlace));
    QCOMPARE(event_of(o, Event::Kind::InPlace).op, std::string("+="));
    // Seen through the view: x's first row changed, in the same storage.
    QCOMPARE(to_json(*interpreter.variable("x"), interpreter)["values"], json::parse("[[1.0, 1.0, 1.0], [0.0, 0.0, 0.0]]"));
    const Outcome set = interpreter.run({"x[:, 1] = 5", 4, 4});
    QVERIFY(set.ok);
    QCOMPARE(set.assigned, (std::vector<std::string>{"x"}));
    QVERIFY(has_event(set, Event::Kind::InPlace));
    QCOMPARE(value_of("x = torch.arange(3)\nx.add_(2)\nx")["values"], json::parse("[2, 3, 4]"));
  }

  void valuesOfPythonKinds() {
    QCOMPARE(value_of("torch.arange(6).view(2, 3).shape"), json::parse("[2, 3]"));
    QCOMPARE(value_of("torch.arange(6).view(2, 3).stride()"), json::parse("[3, 1]"));
    QCOMPARE(value_of("torch.arange(6).sum().item()"), json(15));
    QVERIFY(value_of("torch.arange(6).sum().item()").is_number_integer());
    QCOMPARE(value_of("torch.ones(2).sum().item()"), json(2.0));
    QVERIFY(value_of("torch.ones(2).sum().item()").is_number_float());
    QCOMPARE(value_of("torch.ones(2).is_contiguous()"), json(true));
    QCOMPARE(value_of("torch.arange(3).double().dtype"), json("torch.float64"));
    QCOMPARE(value_of("None"), json(nullptr));
    QCOMPARE(value_of("torch.tensor(2.5)")["values"], json(2.5));
  }

  // ---------------------------------------------------------------- gradscope-cli eval
  void cliPrintsTheLastValueAsJson() {
    const CliRun r = cli({"eval", "x = torch.arange(6).view(2, 3)\nx.t()"});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    const json out = json::parse(r.out.toStdString());
    QCOMPARE(out["shape"], json::parse("[3, 2]"));
    QCOMPARE(out["stride"], json::parse("[1, 3]"));
    QCOMPARE(out["storage_offset"], json(0));
    QCOMPARE(out["dtype"], json("torch.int64"));
    QCOMPARE(out["values"], json::parse("[[0, 3], [1, 4], [2, 5]]"));
    QCOMPARE(out["is_contiguous"], json(false));
    // The result is a temporary; x is the variable that views the same storage.
    QCOMPARE(out["shares_storage_with"], json::parse(R"(["x"])"));
    const CliRun item = cli({"eval", "torch.arange(4).float().mean().item()"});
    QCOMPARE(item.code, 0);
    QCOMPARE(json::parse(item.out.toStdString()), json(1.5));
  }

  void cliReadsAFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath("program.py");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("import torch\n# a view that shares storage\nx = torch.zeros(2, 3)\ny = x[1]\ny += 2\nx\n");
    f.close();
    const CliRun r = cli({"eval", "--file", path});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    const json out = json::parse(r.out.toStdString());
    QCOMPARE(out["values"], json::parse("[[0.0, 0.0, 0.0], [2.0, 2.0, 2.0]]"));
    QCOMPARE(out["shares_storage_with"], json::parse(R"(["x", "y"])"));
  }

  void cliFailsWithTheMessage() {
    const CliRun r = cli({"eval", "x = torch.arange(12)\nx.view(4, 4)"});
    QCOMPARE(r.code, 1);
    QVERIFY2((r.err + r.out).contains("shape '[4, 4]' is invalid for input of size 12"), qPrintable(r.err + r.out));
    QVERIFY((r.err + r.out).contains("RuntimeError"));
    const CliRun refused = cli({"eval", "for i in range(3): pass"});
    QCOMPARE(refused.code, 1);
    QVERIFY2((refused.err + refused.out).contains("not supported here"), qPrintable(refused.err + refused.out));
    QCOMPARE(cli({"eval", "--file", "/nonexistent/program.py"}).code, 1);
  }
};

QTEST_APPLESS_MAIN(TestEval)
#include "tst_eval.moc"
