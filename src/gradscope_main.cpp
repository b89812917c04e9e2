// gradscope: the desktop studio. All behaviour lives in ui/; this is wiring.
#include "app/app_runner.h"

int main(int argc, char** argv) { return gsui::runApp(argc, argv); }
