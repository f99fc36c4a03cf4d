# Predicts the length of each input line: a stand-in for a model. Reads /mnt/in (read-only),
# writes /mnt/out/predictions.csv.
set -eu
PATH=/bin
busybox mkdir -p /mnt/out
: > /mnt/out/predictions.csv
for input in /mnt/in/*; do
  [ -f "$input" ] || continue
  while IFS= read -r line || [ -n "$line" ]; do
    echo "${#line}" >> /mnt/out/predictions.csv
  done < "$input"
done
echo "wrote $(busybox wc -l < /mnt/out/predictions.csv) predictions"
