#!/usr/bin/env bash
# The window in a real X server, driven as a curator would with mouse and keyboard (issue 11 part "a real X
# window"): Xvfb at 1280×800, `make run`'s command on the bundled sample, xdotool for keys and clicks,
# ImageMagick's `import` for screenshots. What it does and what was seen is in docs/window.md.
#
# Usage: tools/x_walk.sh [OUT]        (default OUT: build/x-walk; needs Xvfb, xdotool, ImageMagick)
#   OUT/NN-name.png   a screenshot of the whole screen after each step (look at them)
#   OUT/terminal.log  everything the window printed; the walk fails if it printed anything
#
# The steps: the roster pages (Ctrl+1…3); File ▸ Import Roster (Ctrl+I) on a 金数据 form export from
# tests/data/forms, each page of the wizard, Apply; the Pairing page (Ctrl+4), Propose (F5), a team clicked;
# Export (Ctrl+E) of the PDF sheets in Chinese; Preferences (Ctrl+,) to 简体中文; the Edit menu (its Undo names
# the import, made in English, in Chinese); Undo (Ctrl+Z) of the import from the Pairing page; then a 200-director program, Propose, and Quit (Ctrl+Q) while proposing: the question,
# "Stop and keep the best", the window closes once the run is saved.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-build/x-walk}
SCREEN=${X_WALK_DISPLAY:-:99}
PY=.venv/bin/python
mkdir -p "$OUT"
rm -f "$OUT"/*.png "$OUT"/terminal.log
WORK=$(mktemp -d)
export XDG_CONFIG_HOME="$WORK/config"   # fresh settings: no window size, language or folder remembered

Xvfb "$SCREEN" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB=$!
APP=
stop() {
    [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
    kill "$XVFB" 2>/dev/null || true
    rm -rf "$WORK"
}
trap stop EXIT
export DISPLAY=$SCREEN
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

n=0
shot() { n=$((n + 1)); import -window root "$(printf '%s/%02d-%s.png' "$OUT" "$n" "$1")"; }
window() { xdotool search --sync --onlyvisible --name "$1" | head -1; }
# Keys to a window (an id): with no window manager nothing moves the focus back after a dialog closes.
keys() { local w=$1; shift; xdotool windowfocus --sync "$w"; xdotool key --delay 80 "$@"; }
settle() { sleep "${1:-1.5}"; }   # the window works in the background; give it a moment on a busy machine

start() {  # start the window on a program, full screen
    "$PY" main.py --open "$1" >>"$OUT/terminal.log" 2>&1 &
    APP=$!
    MAIN=$(xdotool search --sync --onlyvisible --name "— Talent Pairing" | head -1)
    xdotool windowmove "$MAIN" 0 0 windowsize --sync "$MAIN" 1280 800
    settle 3
}

# What `make run` does: the platform check, then the window on the bundled sample (a copy, left untouched).
"$PY" -m ui.platform_check
"$PY" main.py import resources/sample/roster.csv --db "$WORK/sample.pairing" >/dev/null
start "$WORK/sample.pairing"
shot directors
keys "$MAIN" ctrl+2; settle; shot producers
keys "$MAIN" ctrl+3; settle; shot instructors
keys "$MAIN" ctrl+1 ctrl+i
wizard=$(window "Import roster")
xdotool windowfocus --sync "$wizard"
xdotool type --delay 10 "$PWD/tests/data/forms/jinshuju.csv"
shot import-file
xdotool key alt+n; settle 3; shot import-preview
xdotool key alt+n; settle 2; shot import-mapping
xdotool key alt+n; settle 3; shot import-review
xdotool key Return; settle 3; shot imported
keys "$MAIN" ctrl+4; settle 3; shot pairing
xdotool key F5; settle 5; shot proposed
xdotool mousemove 380 179 click 1; settle 2; shot team
keys "$MAIN" ctrl+e
export_dialog=$(window "^Export")
xdotool windowfocus --sync "$export_dialog"
xdotool key alt+f; xdotool key --delay 80 Down Down           # CSV → Excel → Printable PDF sheets
xdotool key alt+s ctrl+a; xdotool type --delay 5 "$WORK/teams.pdf"
xdotool key alt+l; xdotool key Down                                 # sheets in 简体中文
shot export
xdotool key alt+e; settle 8; shot exported
xdotool key Return; settle                                          # the notes about the run
keys "$export_dialog" Escape; settle
[ -s "$WORK/teams.pdf" ] && cp "$WORK/teams.pdf" "$OUT/teams-zh.pdf"
keys "$MAIN" ctrl+comma
preferences=$(window "Preferences")
keys "$preferences" alt+l Down Down Return                          # 简体中文, then OK
settle 3; shot pairing-zh
keys "$MAIN" alt+e; settle 1; shot edit-menu-zh                     # Undo names the import in Chinese
xdotool key Escape; settle 1
keys "$MAIN" ctrl+z; settle 3; shot undo-import-zh
keys "$MAIN" ctrl+1; settle 2; shot directors-zh
keys "$MAIN" ctrl+q
wait "$APP" || { echo "the window ended with status $?" >&2; exit 1; }
APP=

# Quit while proposing: a program large enough that Propose is still searching.
"$PY" - "$WORK/big.csv" <<'EOF'
import sys
from pathlib import Path
from pairing.exports.roster import write_roster
from pairing.synthetic import synthetic_program
write_roster(synthetic_program(200, seed=3).people, Path(sys.argv[1]))
EOF
"$PY" main.py import "$WORK/big.csv" --db "$WORK/big.pairing" >/dev/null
start "$WORK/big.pairing"
keys "$MAIN" ctrl+4; settle 3
xdotool key F5; settle 2; shot big-proposing-zh
xdotool key ctrl+q; settle 1; shot quit-while-proposing-zh
question=$(window "生成")
keys "$question" alt+s                                              # 停止并保留最佳结果
wait "$APP" || { echo "the window ended with status $?" >&2; exit 1; }
APP=
"$PY" - "$WORK/big.pairing" >"$OUT/big-runs.txt" <<'EOF'
import sys
from pairing.storage import open_program, repo
store = open_program(sys.argv[1], create=False)
with store.sessions() as session:
    for run in repo.list_runs(session):
        print(f"run {run.id}: {run.result.status.value}, {len(run.result.teams)} teams")
store.close()
EOF

if [ -s "$OUT/terminal.log" ]; then
    echo "The window printed on the terminal:" >&2
    cat "$OUT/terminal.log" >&2
    exit 1
fi
echo "$n screenshots in $OUT; nothing printed on the terminal."
