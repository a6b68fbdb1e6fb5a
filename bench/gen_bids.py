#!/usr/bin/env python3
"""
Deterministic generator of N synthetic bids for the benchmark (bench/README.md).

    python3 bench/gen_bids.py N OUTDIR      writes OUTDIR/bids/*.xml and OUTDIR/scores.csv

The templates are the 40 bids of the shipped example (fixtures/example/bids: every lot, every
verdict and award status: granted, admitted, revision, set aside, excluded, review, plan, tie)
with their committee scores (fixtures/example/scores.csv; the members' rows for the first copy
only, the consensus rows for every copy). Copy k of template t gets new KvK
numbers (every party of the bid, the same mapping in the scores), so bid i of N is always the same
bytes: same N, same files. Only the standard library; nothing random.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "fixtures", "example")
KVK = re.compile(r"<kvk>(\d{8})</kvk>")


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.exit("usage: gen_bids.py N OUTDIR")
    n, out = int(sys.argv[1]), sys.argv[2]
    bids_dir = os.path.join(EXAMPLE, "bids")
    names = sorted(f for f in os.listdir(bids_dir) if f.endswith(".xml"))
    templates = [open(os.path.join(bids_dir, f), encoding="utf-8").read() for f in names]
    kvks = sorted({k for t in templates for k in KVK.findall(t)})
    index = {k: i for i, k in enumerate(kvks)}
    stride = 100
    if len(kvks) > stride or (n // len(templates) + 1) * stride > 89999999:
        sys.exit("gen_bids.py: too many bids for the KvK numbering")
    score_rows = [line for line in open(os.path.join(EXAMPLE, "scores.csv"), encoding="utf-8")
                  if line[:1].isdigit()]
    header = "perceel;criterium;inschrijver;ronde;beoordelaar;score\n"

    os.makedirs(os.path.join(out, "bids"), exist_ok=True)
    with open(os.path.join(out, "scores.csv"), "w", encoding="utf-8") as scores:
        scores.write("# Synthetic scores for bench/gen_bids.py %d\n" % n)
        scores.write(header)
        for i in range(n):
            k, t = divmod(i, len(templates))

            def new_kvk(old):
                return "%08d" % (10000000 + k * stride + index[old])

            text = KVK.sub(lambda m: "<kvk>%s</kvk>" % new_kvk(m.group(1)), templates[t])
            own = set(KVK.findall(templates[t]))
            with open(os.path.join(out, "bids", "%06d-%s" % (i, names[t])), "w",
                      encoding="utf-8") as f:
                f.write(text)
            for row in score_rows:
                cols = row.split(";")
                # The members' rows only for the first copy: the consensus decides the award,
                # and tender refuses a scores file over 8 MiB (100k bids with every member row
                # would be 19 MB; with consensus rows 6.5 MB).
                if cols[2] in own and (k == 0 or cols[4] == "consensus"):
                    cols[2] = new_kvk(cols[2])
                    scores.write(";".join(cols))


if __name__ == "__main__":
    main()
