#!/bin/bash
# Usage: Benchmarks/ui-start.sh DATA_FOLDER [then-keys]
# Starts the release build of vtc in tmux at 80×24 on DATA_FOLDER, prints the
# time until the home screen shows and the process's peak resident memory;
# with a second argument, sends those keys (e.g. "l" for the list), waits 5 s
# and prints the peak again. Build first: swift build -c release --product vtc
set -euo pipefail
folder=$1
vtc="$(cd "$(dirname "$0")/.." && pwd)/.build/release/vtc"
tmux kill-session -t vtc-ui-start 2>/dev/null || true
start=$(date +%s.%N)
tmux new-session -d -x 80 -y 24 -s vtc-ui-start "$vtc --data $folder --lang da"
until tmux capture-pane -p -t vtc-ui-start | grep -q "Statistik"; do sleep 0.02; done
end=$(date +%s.%N)
pid=$(pgrep -n -x vtc)
echo "home screen after $(echo "$end - $start" | bc) s; $(grep VmHWM /proc/"$pid"/status)"
if [ $# -ge 2 ]; then
  tmux send-keys -t vtc-ui-start "$2"
  sleep 5
  echo "after '$2': $(grep VmHWM /proc/"$pid"/status)"
fi
tmux kill-session -t vtc-ui-start
