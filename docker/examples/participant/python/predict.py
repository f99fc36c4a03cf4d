"""Example Podium submission: reads every CSV file in the input folder and writes one
prediction per row to predictions.csv in the output folder.

Replace `predict_row` with your model; load its weights from files copied into the image,
since the container has no network.
"""

import argparse
import csv
import pathlib
import sys


def predict_row(row):
    """A stand-in model: the mean of the row's numeric values."""
    values = []
    for cell in row:
        try:
            values.append(float(cell))
        except ValueError:
            pass
    return sum(values) / len(values) if values else 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", default="/mnt/in", type=pathlib.Path)
    parser.add_argument("--output", default="/mnt/out", type=pathlib.Path)
    args = parser.parse_args()

    args.output.mkdir(parents=True, exist_ok=True)
    count = 0
    with open(args.output / "predictions.csv", "w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "prediction"])
        for path in sorted(args.input.glob("*.csv")):
            with open(path, newline="") as f:
                for row in csv.reader(f):
                    writer.writerow([count, predict_row(row)])
                    count += 1
    print(f"wrote {count} predictions", file=sys.stderr)


if __name__ == "__main__":
    main()
