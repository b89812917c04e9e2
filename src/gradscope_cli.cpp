// gradscope-cli: the headless entry point. Each command reads JSON (or CSV), calls core, prints
// JSON. Wiring only: the commands live in core/cases.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "backend/backend.h"
#include "cases/commands.h"
#include "cases/grad_case.h"
#include "eval/interpreter.h"
#include "spec/transfer.h"
#include "util/error.h"
#include "util/json_error.h"

namespace {

constexpr const char* kUsage =
    "usage: gradscope-cli COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  grad CASE.json              forward + backward of a model spec on given parameters and data\n"
    "  descent CASE.json           an optimizer's path on a 2-D function\n"
    "  metrics SCORES.csv [--threshold T]\n"
    "                              ROC, AUC, PR, AP and the confusion matrix of binary scores\n"
    "  train SCENARIO.json [--device cpu|cuda] [--threads T] [--load-weights IN] [--save-weights OUT]\n"
    "                              train a scenario; one JSON line per epoch, then a summary;\n"
    "                              weights are safetensors files with PyTorch's state_dict names\n"
    "  cv SCENARIO.json [--folds K]  K-fold cross-validation (default 5; stratified for classes):\n"
    "                              one JSON line per fold with its test metrics, then their mean and std\n"
    "  bench [--workload W1|W2|W3|W4] [--threads T] [--seconds S] [--device cpu|cuda] [--batch B]\n"
    "                              training throughput of the standard workloads\n"
    "  bench --model SPEC.json [--input-shape C,H,W] [--optimizer JSON] [--batch B] [...]\n"
    "                              training throughput of any model spec (CrossEntropyLoss on\n"
    "                              random labels; optimizer default {\"name\": \"Adam\", \"lr\": 0.001})\n"
    "  eval 'PROGRAM' | eval --file F.py\n"
    "                              run a PyTorch tensor program (the Tensors lab's subset) and print\n"
    "                              the last statement's value as JSON: shape, stride, storage_offset,\n"
    "                              dtype, values, is_contiguous, shares_storage_with (status 1 and the\n"
    "                              message on an error; print() output goes to standard error)\n"
    "  devices                     the devices this machine can compute on, and why one cannot\n"
    "  help                        this text\n"
    "(a JSON file argument may be '-' for standard input)\n";

nlohmann::json read_json(const std::string& path) {
  std::stringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(path);
    if (!in) throw gs::Error("cannot open \"" + path + "\"");
    text << in.rdbuf();
  }
  try {
    return nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    throw gs::Error("\"" + path + "\" is not valid JSON: " + gs::describe_json_error(e));
  }
}

double parse_number(const std::string& flag, const std::string& value) {
  try {
    std::size_t used = 0;
    const double v = std::stod(value, &used);
    if (used != value.size()) throw std::invalid_argument("trailing");
    return v;
  } catch (const std::exception&) {
    throw gs::Error(flag + ": expected a number, got \"" + value + "\"");
  }
}

/// The folder of a file argument, against which its relative paths are read ("" for stdin).
std::string folder_of(const std::string& path) {
  if (path == "-") return {};
  const std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

int one_file(int argc, const char* command) {
  if (argc != 3) {
    std::cerr << "gradscope-cli " << command << ": expected one argument, the JSON file\n";
    return 2;
  }
  return 0;
}

/// `eval 'PROGRAM'` or `eval --file F`: runs the program, prints the last value as JSON.
int run_eval(int argc, char** argv) {
  std::string program;
  if (argc == 4 && std::string(argv[2]) == "--file") {
    std::stringstream text;
    if (std::string(argv[3]) == "-") {
      text << std::cin.rdbuf();
    } else {
      std::ifstream in(argv[3]);
      if (!in) throw gs::Error("cannot open \"" + std::string(argv[3]) + "\"");
      text << in.rdbuf();
    }
    program = text.str();
  } else if (argc == 3) {
    program = argv[2];
  } else {
    std::cerr << "usage: gradscope-cli eval 'PROGRAM' | gradscope-cli eval --file F.py\n";
    return 2;
  }
  gs::eval::Interpreter interpreter;
  std::vector<gs::eval::Outcome> outcomes;
  const gs::eval::Outcome last = interpreter.run_program(program, &outcomes);
  for (const auto& o : outcomes)
    for (const auto& line : o.printed) std::cerr << line << "\n";
  if (!last.ok) {
    std::vector<gs::eval::Statement> statements;
    try {
      statements = gs::eval::split_statements(program);
    } catch (const gs::Error&) {
    }
    std::string where;
    if (!outcomes.empty() && outcomes.size() <= statements.size())
      where = "line " + std::to_string(statements[outcomes.size() - 1].first_line) + ": ";
    std::cerr << "gradscope-cli eval: " << where << last.error_text() << "\n";
    if (!last.torch_message.empty()) std::cerr << last.message << "\n";
    return 1;
  }
  std::cout << gs::eval::to_json(last.value, interpreter).dump() << "\n";
  return 0;
}

}  // namespace

int run(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "help" || std::string(argv[1]) == "--help") {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  if (command == "devices") {
    // One JSON object per device: {"device", "available", "reason"}.
    nlohmann::json list = nlohmann::json::array();
    for (gs::Device d : {gs::Device::CPU, gs::Device::CUDA}) {
      std::string why;
      const bool ok = gs::device_available(d, &why);
      list.push_back({{"device", gs::to_string(d)}, {"available", ok}, {"reason", why}});
    }
    std::cout << list.dump(2) << "\n";
    return 0;
  }
  try {
    if (command == "grad" || command == "descent" || command == "train") {
      // train takes `--device cpu|cuda` (it overrides the scenario's "device") and `--threads T`
      // after the file.
      if (command != "train" || argc < 3)
        if (int rc = one_file(argc, command.c_str())) return rc;
      nlohmann::json input = read_json(argv[2]);
      if (command == "train") gs::spec::resolve_relative_paths(input, folder_of(argv[2]));
      gs::cases::WeightFiles weights;
      for (int i = 3; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--device" && i + 1 < argc) input["device"] = argv[++i];
        else if (a == "--load-weights" && i + 1 < argc) weights.load_weights = argv[++i];
        else if (a == "--save-weights" && i + 1 < argc) weights.save_weights = argv[++i];
        else if (a == "--threads" && i + 1 < argc) {
          const double threads = parse_number("--threads", argv[++i]);
          if (!(threads >= 1 && threads <= 256) || threads != static_cast<int>(threads))
            throw gs::Error("--threads: expected a whole number from 1 to 256, got " + std::string(argv[i]));
          gs::set_num_threads(static_cast<int>(threads));
        }
        else throw gs::Error("unexpected argument \"" + a + "\" (usage: train SCENARIO.json [--device cpu|cuda] [--threads T] "
                             "[--load-weights IN.safetensors] [--save-weights OUT.safetensors])");
      }
      if (command == "grad") std::cout << gs::cases::run_grad_case(input).dump() << "\n";
      else if (command == "descent") std::cout << gs::cases::run_descent_case(input).dump() << "\n";
      else gs::cases::run_train(input, [](const nlohmann::json& line) { std::cout << line.dump() << std::endl; }, weights);
      return 0;
    }
    if (command == "eval") return run_eval(argc, argv);
    if (command == "cv") {
      if (argc < 3) throw gs::Error("expected the scenario file (usage: cv SCENARIO.json [--folds K])");
      int folds = 5;
      for (int i = 3; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--folds" && i + 1 < argc) {
          const double k = parse_number("--folds", argv[++i]);
          if (k != static_cast<int>(k)) throw gs::Error("--folds: expected a whole number, got " + std::string(argv[i]));
          folds = static_cast<int>(k);
        } else {
          throw gs::Error("unexpected argument \"" + a + "\" (usage: cv SCENARIO.json [--folds K])");
        }
      }
      nlohmann::json scenario = read_json(argv[2]);
      gs::spec::resolve_relative_paths(scenario, folder_of(argv[2]));
      gs::cases::run_cv(scenario, folds, [](const nlohmann::json& line) { std::cout << line.dump() << std::endl; });
      return 0;
    }
    if (command == "metrics") {
      std::string path;
      double threshold = 0.5;
      for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--threshold" && i + 1 < argc) threshold = parse_number("--threshold", argv[++i]);
        else if (path.empty() && a.rfind("--", 0) != 0) path = a;
        else throw gs::Error("unexpected argument \"" + a + "\" (usage: metrics SCORES.csv [--threshold T])");
      }
      if (path.empty()) throw gs::Error("expected the CSV file of label,score rows");
      std::cout << gs::cases::run_metrics_csv(path, threshold).dump() << "\n";
      return 0;
    }
    if (command == "bench") {
      std::vector<std::string> workloads;
      std::string model_path, input_shape, optimizer;
      int threads = 1;
      double seconds = 3;
      gs::Device device = gs::Device::CPU;
      std::int64_t batch = 0;
      for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) throw gs::Error(a + ": expected a value after it");
        const std::string v = argv[++i];
        if (a == "--workload") workloads.push_back(v);
        else if (a == "--model") model_path = v;
        else if (a == "--input-shape") input_shape = v;
        else if (a == "--optimizer") optimizer = v;
        else if (a == "--threads") threads = static_cast<int>(parse_number("--threads", v));
        else if (a == "--seconds") seconds = parse_number("--seconds", v);
        else if (a == "--device") device = gs::parse_device(v);
        else if (a == "--batch") batch = static_cast<std::int64_t>(parse_number("--batch", v));
        else
          throw gs::Error("unknown option \"" + a +
                          "\" (--workload, --model, --input-shape, --optimizer, --threads, --seconds, --device, --batch)");
      }
      if (!model_path.empty() && !workloads.empty()) throw gs::Error("--model: give either --model or --workload, not both");
      if (model_path.empty() && (!input_shape.empty() || !optimizer.empty()))
        throw gs::Error("--input-shape and --optimizer go with --model SPEC.json");
      if (optimizer.empty()) optimizer = R"({"name": "Adam", "lr": 0.001})";
      std::vector<gs::cases::BenchWorkload> list;
      if (!model_path.empty()) {
        const std::string stem = std::filesystem::path(model_path).stem().string();
        list.push_back(gs::cases::model_workload(stem, read_json(model_path), input_shape, optimizer));
      }
      if (model_path.empty() && workloads.empty()) workloads = {"W1", "W2", "W3", "W4"};
      for (const auto& w : workloads) list.push_back(gs::cases::bench_workload(w));
      for (const auto& r : gs::cases::run_bench(list, threads, seconds, device, batch)) {
        std::printf("%s threads=%d steps_per_s=%.1f samples_per_s=%.1f device=%s batch=%lld\n", r.workload.c_str(), r.threads,
                    r.steps_per_s, r.samples_per_s, r.device.c_str(), static_cast<long long>(r.batch));
        std::fflush(stdout);
      }
      return 0;
    }
    std::cerr << "gradscope-cli: unknown command \"" << command << "\"\n\n" << kUsage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "gradscope-cli " << command << ": " << gs::describe_json_error(e.what()) << "\n";
    return 1;
  }
}

int main(int argc, char** argv) {
  const int status = run(argc, argv);
  // Output that could not be written (a full disk, `> /dev/full`) is a failure, not a success.
  std::cout.flush();
  if (std::cout.fail() || std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::cerr << "gradscope-cli: cannot write the output: " << std::strerror(errno) << "\n";
    return status == 0 ? 1 : status;
  }
  return status;
}
