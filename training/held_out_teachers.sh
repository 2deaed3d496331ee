#!/usr/bin/env bash
# Trains the held-out teachers one after another: five folds of crop40, then five of crop40_l.
# Run it again in a later session and it goes on where it stopped (train.py resumes from the committed
# last.pt). A finished teacher is carried into training/checkpoints/<name>/ as best.pt and its log only:
# its last.pt (twice the size, with the optimiser's state) is only needed to resume.
set -euo pipefail
cd "$(dirname "$0")/.."
export LD_PRELOAD=${LD_PRELOAD:-/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4}
epochs=${EPOCHS:-100}

epochs_logged() { if [ -e "$1" ]; then grep -c '"epoch":' "$1" || true; else echo 0; fi; }

for recipe in crop40 crop40_l; do
  for fold in 0 1 2 3 4; do
    name=${recipe}_fold${fold}of5
    carried=training/checkpoints/$name
    if [ ! -e training/runs/$name/last.pt ] && [ ! -e $carried/last.pt ] \
       && [ "$(epochs_logged $carried/log.jsonl)" -ge "$epochs" ]; then
      echo "$name: finished ($carried)"
      continue
    fi
    /usr/bin/python3 training/train.py --recipe $recipe --fold $fold/5 --epochs "$epochs"
    mkdir -p $carried
    cp training/runs/$name/best.pt training/runs/$name/log.jsonl $carried/
    cp training/runs/$name/log.jsonl training/logs/$name.jsonl
    rm -f $carried/last.pt
    echo "$name: finished, carried into $carried"
  done
done
