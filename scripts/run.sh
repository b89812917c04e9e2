#!/usr/bin/env bash
# Installs what is missing, builds GradScope (Release) and starts the app.
# With no display (no DISPLAY / WAYLAND_DISPLAY), says so and renders every lab to PNG files in
# screenshots/ instead (English, Korean and presentation mode). Extra arguments go to the app,
# e.g.  scripts/run.sh --lab perceptron --lang ko
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --parallel

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" || -n "${QT_QPA_PLATFORM:-}" ]]; then
  exec build/gradscope "$@"
fi

out=screenshots
mkdir -p "$out"
echo "run.sh: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so the app cannot open a window."
echo "run.sh: rendering every lab to $(pwd)/$out/ instead:"
# A virtual X server (Xvfb, with Mesa's OpenGL) shows the 3-D views too; without one, offscreen.
render=(env QT_QPA_PLATFORM=offscreen)
if command -v xvfb-run >/dev/null; then render=(xvfb-run -a -s "-screen 0 1280x800x24"); fi
status=0
# Each lab, and each page of a lab made of pages (tabs), as "lab" or "lab/page".
views=$(QT_QPA_PLATFORM=offscreen build/gradscope --list-labs 2>/dev/null |
        awk -F'\t' '{ if ($4 == "") print $1; else { n = split($4, p, ","); for (i = 1; i <= n; i++) print $1 "/" p[i] } }')
for view in $views; do
  lab=${view%%/*}
  page=()
  [[ $view == */* ]] && page=(--page "${view#*/}")
  for variant in en ko presentation; do
    case $variant in
      presentation) args=(--presentation) ;;
      *) args=(--lang "$variant") ;;
    esac
    file="$out/${view//\//-}-$variant.png"
    if "${render[@]}" build/gradscope --lab "$lab" "${page[@]}" "${args[@]}" --size 1280x720 --screenshot "$file" 2>/dev/null; then
      echo "  $file"
    else
      echo "  $file FAILED" >&2
      status=1
    fi
  done
done
exit $status
