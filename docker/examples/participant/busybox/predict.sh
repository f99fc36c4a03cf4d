# Predicts the length of each input line: a stand-in for a model. Reads every file in /mnt/in
# (read-only) and writes /mnt/out/predictions.csv as id,value rows, ids counting lines from 1.
set -eu
PATH=/bin
id=0
{
  echo "id,value"
  for input in /mnt/in/*; do
    [ -f "$input" ] || continue
    while IFS= read -r line || [ -n "$line" ]; do
      id=$((id + 1))
      echo "$id,${#line}"
    done < "$input"
  done
} > /mnt/out/predictions.csv
echo "wrote $id predictions"
