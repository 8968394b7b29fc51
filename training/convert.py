"""Convert the raw sets in ../shared/data into the pairs format (one JSON object a line).

    {"dataset": "...", "doc": "...", "claim": "...", "label": 1|0,
     "label3": "supported|contradicted|unsupported"}

``label3`` is present only where the data has three-way labels (or, for WiCE, where the brief maps
partially/not supported to "unsupported").

Outputs (training/work/ is git-ignored):

- ``work/dev/<set>.jsonl``   dev sets, for tuning and reporting only, never trained on:
  wice (claim dev, 349), contractnli (half of dev.json's NDAs: 26 NDAs, 442 pairs), frank (40% of
  validation articles), summedits (40% of evaluation documents), summac (40% of summac_partial documents).
- ``work/contractnli_train.jsonl``  the other half of ContractNLI dev's NDAs (35, 595 pairs), to train on:
  there is no ContractNLI training split here (see ``CNLI_DEV_FRACTION``).
- ``work/train.jsonl``       everything else whose licence allows shipping a derived model commercially
  (including FactCG CG2C-Doc, MIT, when ``factcg_cg2c_doc/`` is present).
- ``work/train_restricted.jsonl``  sets we convert but do NOT ship a model trained on (RTE: PASCAL
  research-use terms; MCTest: Microsoft Research licence). Kept apart so nobody mixes them in by accident.

ANLI and SICK (non-commercial) and TofuEval (evaluation only) are not converted at all.

    python training/convert.py --data ../shared/data --out training/work
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

DEV_FRACTION = 0.4
# ContractNLI has no training split here (its train.json is absent; train_small holds two NDAs), and it asks
# the same 17 hypotheses of every NDA, so a model that never saw an NDA reads them poorly. Half of its dev
# NDAs are trained on; the other half stay dev, and every ContractNLI figure is of that half alone.
CNLI_DEV_FRACTION = 0.5


def _bucket(key: str) -> float:
    """Deterministic value in [0, 1) from a key: stable splits without a random seed."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) / 2**32


def doc_key(doc: str) -> str:
    """A folded key for a document, to find the same article under different sets."""
    return re.sub(r"[^a-z0-9]+", "", doc.lower())[:300]


def pair(dataset: str, doc: str, claim: str, label: int, label3: str | None = None) -> dict:
    row = {"dataset": dataset, "doc": doc.strip(), "claim": claim.strip(), "label": int(label)}
    if label3:
        row["label3"] = label3
    return row


# ---------------------------------------------------------------- WiCE

WICE3 = {"supported": "supported", "partially_supported": "unsupported", "not_supported": "unsupported"}


def wice_rows(path: Path, dataset: str) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        doc = " ".join(s.strip() for s in r["evidence"] if s.strip())
        lab = r["label"]
        out.append(pair(dataset, doc, r["claim"], int(lab == "supported"), WICE3[lab]))
    return out


# ---------------------------------------------------------------- SummEdits

def summedits_rows(folder: Path) -> list[dict]:
    out = []
    for f in sorted(folder.glob("summedits_*.evaluation_split.json")):
        domain = f.name.split(".")[0].removeprefix("summedits_")
        for r in json.loads(f.read_text(encoding="utf-8")):
            row = pair("summedits", r["doc"], r["summary"], int(r["label"]))
            row["domain"] = domain
            out.append(row)
    return out


# ---------------------------------------------------------------- FRANK

def frank_rows(folder: Path) -> list[dict]:
    anns = json.loads((folder / "human_annotations.valid.json").read_text(encoding="utf-8"))
    out = []
    for a in anns:
        art = json.loads((folder / "articles" / f"{a['hash']}.json").read_text(encoding="utf-8"))
        summ = art.get(a["model_name"])
        if not summ:
            continue
        row = pair("frank", art["article"], summ, int(float(a["Factuality"]) == 1.0))
        row["article"] = a["hash"]
        out.append(row)
    return out


# ---------------------------------------------------------------- SummaC partial

def summac_rows(folder: Path) -> list[dict]:
    out = []
    for name in ("factcc", "summeval", "xsumfaith", "polytope"):
        d = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        for r in d.values():
            row = pair("summac", r["document"], r["claim"], int(r["label"]))
            row["subset"] = name
            out.append(row)
    return out


# ---------------------------------------------------------------- ContractNLI

CNLI3 = {"Entailment": "supported", "Contradiction": "contradicted", "NotMentioned": "unsupported"}


def contractnli_rows(path: Path) -> list[dict]:
    d = json.loads(path.read_text(encoding="utf-8"))
    hyps = {k: v["hypothesis"] for k, v in d["labels"].items()}
    out = []
    for doc in d["documents"]:
        text = doc["text"]
        for key, ann in doc["annotation_sets"][0]["annotations"].items():
            lab3 = CNLI3[ann["choice"]]
            row = pair("contractnli", text, hyps[key], int(lab3 == "supported"), lab3)
            # Evidence spans as character offsets: lets training pick a window that holds them.
            row["evidence"] = [doc["spans"][i] for i in ann.get("spans", [])]
            out.append(row)
    return out


# ---------------------------------------------------------------- DocNLI auxiliary, RTE

def tsv3_rows(path: Path, dataset: str) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3:
            continue
        lab, prem, hyp = parts
        out.append(pair(dataset, prem, hyp, int(lab.strip() == "entailment")))
    return out


def rte_rows(folder: Path) -> list[dict]:
    out = []
    for f in ("train.tsv", "dev.tsv", "test.tsv"):
        with (folder / f).open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if r.get("label") in ("entailment", "not_entailment"):
                    out.append(pair("rte", r["sentence1"], r["sentence2"], int(r["label"] == "entailment")))
    return out


# ---------------------------------------------------------------- FactCG CG2C-Doc

def factcg_rows(path: Path) -> list[dict]:
    """FactCG's document-level contrast pairs (MIT): binary, a negative's document lost or changed one fact."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        claims = [c for c in r["text_b"] if c.strip()]
        if claims:
            out.append(pair("factcg", r["text_a"], claims[0], int(r["orig_label"])))
    return out


# ---------------------------------------------------------------- split + write

def split_by(rows: list[dict], key, dev_fraction: float = DEV_FRACTION) -> tuple[list[dict], list[dict]]:
    train, dev = [], []
    for r in rows:
        (dev if _bucket(key(r)) < dev_fraction else train).append(r)
    return train, dev


def write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "work")
    args = ap.parse_args()
    data: Path = args.data

    dev: dict[str, list[dict]] = {}
    train: list[dict] = []

    dev["wice"] = wice_rows(data / "wice" / "entailment_retrieval_claim_dev.jsonl", "wice")
    cnli_train, dev["contractnli"] = split_by(
        contractnli_rows(data / "contractnli" / "dev.json"), lambda r: "cn:" + doc_key(r["doc"]), CNLI_DEV_FRACTION
    )
    for r in cnli_train:
        r["dataset"] = "contractnli_dev_train"
    frank_train, dev["frank"] = split_by(frank_rows(data / "frank"), lambda r: "frank:" + r["article"])
    se_train, dev["summedits"] = split_by(
        summedits_rows(data / "summedits"), lambda r: "se:" + doc_key(r["doc"])
    )
    sc_train, dev["summac"] = split_by(
        summac_rows(data / "summac_partial"), lambda r: "sc:" + doc_key(r["doc"])
    )

    train += wice_rows(data / "wice" / "non_supported_tokens_train.jsonl", "wice_train")
    train += contractnli_rows(data / "contractnli" / "train_small.json")
    for r in train:
        if r["dataset"] == "contractnli":
            r["dataset"] = "contractnli_train"
    train += frank_train + se_train + sc_train
    factcg = data / "factcg_cg2c_doc" / "CG2C_doc.jsonl"
    if factcg.is_file():
        train += factcg_rows(factcg)
    aux = data / "docnli_aux"
    for f in ("binary-MNLI_dev.txt", "binary-MNLI_test.txt"):
        train += tsv3_rows(aux / f, "mnli_bin")
    for f in ("binary-FEVER-NLI_dev.txt", "binary-FEVER-NLI_test.txt"):
        train += tsv3_rows(aux / f, "fever_bin")

    restricted = rte_rows(data / "rte")
    for f in sorted(aux.glob("MCTest-NLI_*.txt")):
        restricted += tsv3_rows(f, "mctest")

    # No dev document and no dev claim may appear in training (the same article sits in several sets).
    dev_docs = {doc_key(r["doc"]) for rows in dev.values() for r in rows}
    dev_claims = {r["claim"].strip().lower() for rows in dev.values() for r in rows}
    before = len(train)
    # (ContractNLI asks the same 17 hypotheses of every NDA, so its claims are matched by document only.)
    train = [
        r
        for r in train
        if doc_key(r["doc"]) not in dev_docs
        and (r["dataset"].startswith("contractnli") or r["claim"].lower() not in dev_claims)
    ]
    dropped = before - len(train)

    out: Path = args.out
    for name, rows in dev.items():
        write(out / "dev" / f"{name}.jsonl", rows)
    write(out / "train.jsonl", train)
    write(out / "train_restricted.jsonl", restricted)
    # Apart from train.jsonl, so that a run can repeat these few in-domain pairs (pass the file again).
    write(out / "contractnli_train.jsonl", cnli_train)
    for name, rows in dev.items():
        print(f"dev {name}: {len(rows)} (label 1: {sum(r['label'] for r in rows)})")
    counts = dict(Counter(r["dataset"] for r in train))
    print(f"train: {len(train)} ({dropped} dropped as overlapping dev) {counts}")
    print(f"restricted (not shipped): {len(restricted)}")
    print(f"contractnli_train (half of ContractNLI dev's NDAs): {len(cnli_train)}")


if __name__ == "__main__":
    main()
