#!/usr/bin/env bash
# Build the frozen app (PyInstaller, onedir) into dist/convergence-planner/ from the checkout this script is in.
# Needs the build extra: pip install -e ".[build]"  (or: pip install "pyinstaller>=6.10").
# Options: --clean  throw away PyInstaller's cache in build/pyinstaller first (a full analysis, slower).
set -euo pipefail
cd "$(dirname "$0")/.."

clean=()
for argument in "$@"; do
  case "$argument" in
    --clean) clean=(--clean) ;;
    *) echo "build_frozen.sh: unknown option $argument (use --clean or nothing)" >&2; exit 2 ;;
  esac
done

if ! python -c "import PyInstaller" 2>/dev/null; then
  echo "build_frozen.sh: PyInstaller is not installed; run: pip install -e \".[build]\"" >&2
  exit 2
fi

started=$(date +%s)
python -m PyInstaller --noconfirm --log-level WARN "${clean[@]}" \
  --workpath build/pyinstaller --distpath dist installer/convergence-planner.spec
bundle=dist/convergence-planner

# A Python built by pyenv (or from source) links its extension modules with RUNPATH=<its prefix>/lib: a folder
# of the build machine that has no business in an installed app. patchelf removes such absolute RUNPATHs
# ($ORIGIN-relative ones, as in numpy's and Pillow's wheels, stay). Linux only; patchelf is optional.
if command -v patchelf >/dev/null && [ "$(uname -s)" = Linux ]; then
  while IFS= read -r -d '' library; do
    case "$(patchelf --print-rpath "$library" 2>/dev/null)" in
      /*) patchelf --remove-rpath "$library" ;;
    esac
  done < <(find "$bundle" -type f -name '*.so*' -print0)
fi
for program in convergence-planner cplan; do
  [ -x "$bundle/$program" ] || { echo "build_frozen.sh: $bundle/$program was not built" >&2; exit 1; }
done
echo "Built $bundle in $(( $(date +%s) - started )) s: $(du -sh "$bundle" | cut -f1)"
