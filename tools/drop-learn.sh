#!/usr/bin/env bash
# Used to show that learning backs off gracefully with less history (issue #3: "the same two runs with 20% of the learn phase removed").
# drop-learn.sh IN OUT FRACTION: copy a manifest, dropping the oldest FRACTION of its learn lines.
in=$1; out=$2; frac=$3
n=$(grep -c '"phase":"learn"' "$in")
drop=$(python3 -c "print(int($n*$frac))")
awk -v drop="$drop" '/"phase":"learn"/ { k++; if (k <= drop) next } { print }' "$in" > "$out"
echo "$out: dropped $drop of $n learn lines"
