#!/usr/bin/env python3
"""Clean a JSON Lines corpus on a Dask cluster with clean-article, and drop duplicate documents.

    python3 clean_corpus.py SCHEDULER_ADDRESS OUTPUT_DIR INPUT.jsonl...

Runs on the distributed scheduler at SCHEDULER_ADDRESS (e.g. tcp://10.0.0.5:8786), whose workers
have `clean-article` on their PATH. The inputs are cut into partitions of whole lines (dask.bag),
and every step but two runs once per partition, on any worker:

  1. `clean-article count-lines --jsonl --bad-lines keep`  the lines of each partition, counted
  2. `clean-article merge-counts --min-docs N`             once, on one worker
  3. `clean-article --jsonl --jobs 1 --line-counts ...`    each partition cleaned
  4. `clean-article dedup signatures --jsonl`              the signature of each cleaned record
  5. `clean-article dedup merge --out-dir ...`             once, on one worker: the duplicates
  6. `clean-article dedup filter --jsonl --drops ...`      each partition without its duplicates

(a line that is no record is not counted, and passes through the other steps as it came)

and writes OUTPUT_DIR/part-00000.jsonl, ... in input order: the same records, byte for byte, as
one process gives with count-lines, cleaning with the counts, and `dedup --jsonl` over all the
inputs (the project's tests check it on a scheduler and two workers). Only counts and signatures
go through the steps that run once, never the text. The inputs and OUTPUT_DIR must be paths every
worker can read and write (a shared file system; on one machine, any folder).

Standard library, dask.bag and distributed only (Debian: apt-get install python3-distributed).
"""
import argparse
import os
import subprocess
import sys
import tempfile

import dask
import dask.bag as db
from distributed import Client

COMMAND = "clean-article"


FOLDER = "{folder}"


def run(args, data=b"", files=None):
    """Runs `clean-article ARGS` with DATA on stdin; returns its stdout and the files it left.

    FILES maps names to bytes, written into a temporary folder first: an argument that is one of
    those names becomes the path of its file, and FOLDER the folder's path. The files of the
    folder afterwards come back as {name: bytes}. Raises when the command fails.
    """
    files = files or {}
    with tempfile.TemporaryDirectory(prefix="clean-article-dask-") as folder:
        for name, content in files.items():
            with open(os.path.join(folder, name), "wb") as out:
                out.write(content)
        argv = [COMMAND] + [folder if arg == FOLDER else os.path.join(folder, arg) if arg in files else arg for arg in args]
        done = subprocess.run(argv, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.decode(errors='replace').strip()}")
        left = {}
        for name in os.listdir(folder):
            with open(os.path.join(folder, name), "rb") as read:
                left[name] = read.read()
        return done.stdout, left


def join_lines(lines):
    """A partition of dask.bag.read_text (lines with their line endings) as bytes."""
    return "".join(lines).encode("utf-8")


def count_lines(data):
    # A line that is no record is not counted (exit 0): step 3 keeps it as it came.
    return run(["count-lines", "--jsonl", "--bad-lines", "keep"], data)[0]


def merge_counts(counts, min_docs):
    names = {f"{i:05d}.counts": part for i, part in enumerate(counts)}
    return run(["merge-counts", "--min-docs", str(min_docs), *names], files=names)[0]


def clean(data, counts, min_docs):
    args = ["--jsonl", "--jobs", "1", "--bad-lines", "keep", "--no-progress", "--line-counts", "all.counts", "--min-docs", str(min_docs)]
    return run(args, data, {"all.counts": counts})[0]


def signatures(data):
    return run(["dedup", "signatures", "--jsonl"], data)[0]


def merge_signatures(parts, threshold):
    """The drops file of each partition, in order."""
    names = {f"{i:05d}.sig": part for i, part in enumerate(parts)}
    threshold_args = ["--threshold", str(threshold)] if threshold is not None else []
    _, left = run(["dedup", "merge", "--out-dir", FOLDER, *threshold_args, *names], files=names)
    return [left[f"{i:05d}.drops"] for i in range(len(parts))]


def filter_duplicates(data, drops, index):
    return run(["dedup", "filter", "--jsonl", "--drops", "part.drops"], data, {"part.drops": drops[index]})[0]


def write_part(data, output_dir, index):
    path = os.path.join(output_dir, f"part-{index:05d}.jsonl")
    with open(path + ".tmp", "wb") as out:
        out.write(data)
    os.replace(path + ".tmp", path)
    return data.count(b"\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scheduler", help="address of the Dask scheduler, e.g. tcp://127.0.0.1:8786")
    parser.add_argument("output_dir", help="folder for part-NNNNN.jsonl (every worker must see it)")
    parser.add_argument("inputs", nargs="+", help="JSON Lines files (every worker must see them)")
    parser.add_argument("--blocksize", type=int, default=64 * 2**20, help="bytes of input per partition (default 64 MiB)")
    parser.add_argument("--min-docs", type=int, default=5, help="documents a line must be in to be boilerplate (default 5)")
    parser.add_argument("--threshold", type=float, default=None, help="dedup's similarity threshold (default: the command's)")
    options = parser.parse_args()
    os.makedirs(options.output_dir, exist_ok=True)

    with Client(options.scheduler):
        partitions = db.read_text([os.path.abspath(path) for path in options.inputs], blocksize=options.blocksize).to_delayed()
        data = [dask.delayed(join_lines)(part) for part in partitions]
        counts = [dask.delayed(count_lines)(part) for part in data]
        all_counts = dask.delayed(merge_counts)(counts, options.min_docs)
        cleaned = [dask.delayed(clean)(part, all_counts, options.min_docs) for part in data]
        drops = dask.delayed(merge_signatures)([dask.delayed(signatures)(part) for part in cleaned], options.threshold)
        kept = [dask.delayed(filter_duplicates)(part, drops, i) for i, part in enumerate(cleaned)]
        written = [dask.delayed(write_part)(part, options.output_dir, i) for i, part in enumerate(kept)]
        lines = dask.compute(*written)
    print(f"{len(lines)} partitions, {sum(lines)} lines written to {options.output_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
