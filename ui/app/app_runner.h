#pragma once
// The GUI's entry point: command line, settings, language, and the offscreen screenshot mode.
//   --list-labs  --lab ID  --lang en|ko  --presentation  --steps N  --size WxH  --screenshot FILE
namespace gsui {

/// Runs the application; returns the process exit code.
int runApp(int argc, char** argv);

}  // namespace gsui
