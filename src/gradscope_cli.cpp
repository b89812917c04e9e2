// gradscope-cli: the headless entry point. Each command reads JSON, calls core, prints JSON.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "cases/grad_case.h"
#include "util/error.h"

namespace {

constexpr const char* kUsage =
    "usage: gradscope-cli COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  grad CASE.json    forward + backward of a model spec on given parameters and data;\n"
    "                    prints {\"output\", \"loss\", \"grads\", \"input_grad\", \"buffers\"}\n"
    "                    (CASE.json may be '-' for standard input)\n"
    "  help              this text\n";

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
    throw gs::Error("\"" + path + "\" is not valid JSON: " + e.what());
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "help" || std::string(argv[1]) == "--help") {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  try {
    if (command == "grad") {
      if (argc != 3) {
        std::cerr << "gradscope-cli grad: expected one argument, CASE.json\n";
        return 2;
      }
      std::cout << gs::cases::run_grad_case(read_json(argv[2])).dump() << "\n";
      return 0;
    }
    std::cerr << "gradscope-cli: unknown command \"" << command << "\"\n\n" << kUsage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "gradscope-cli " << command << ": " << e.what() << "\n";
    return 1;
  }
}
