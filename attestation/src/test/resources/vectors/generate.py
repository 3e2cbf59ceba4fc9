#!/usr/bin/env python3
"""Regenerates the proof vectors in this directory with an implementation of RFC 6962
section 2.1 written independently of the Java code (plain recursion over the leaf list).

Run from this directory: python3 generate.py. The RFC 6962 reference leaves and their roots
are the test data of RFC 6962's reference implementation as published in
transparency-dev/merkle (testonly/constants.go); rfc6962-roots.json pins those roots and
ProofVectorsTest checks the generator's trees against them.
"""
import hashlib
import json
import os
import shutil

RFC_LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
              "606162636465666768696a6b6c6d6e6f"]


# Published values, copied as data: RFC 6962 reference test data as carried by
# transparency-dev/merkle (testonly/constants.go, proof/verify_test.go), originally
# google/certificate-transparency merkle_tree_test.cc.
PUBLISHED = {
    "source": "transparency-dev/merkle testonly/constants.go and proof/verify_test.go "
              "(RFC 6962 reference data from google/certificate-transparency)",
    "roots": [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ],
    "inclusion_5_8": [
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
    "consistency": [
        {"size1": 1, "size2": 8, "proof": [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]},
        {"size1": 6, "size2": 8, "proof": [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]},
        {"size1": 2, "size2": 5, "proof": [
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]},
    ],
}


def leaf(d):
    return hashlib.sha256(b"\x00" + d).digest()


def node(l, r):
    return hashlib.sha256(b"\x01" + l + r).digest()


def split(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(d):
    if len(d) == 0:
        return hashlib.sha256(b"").digest()
    if len(d) == 1:
        return leaf(d[0])
    k = split(len(d))
    return node(mth(d[:k]), mth(d[k:]))


def path(m, d):
    if len(d) <= 1:
        return []
    k = split(len(d))
    if m < k:
        return path(m, d[:k]) + [mth(d[k:])]
    return path(m - k, d[k:]) + [mth(d[:k])]


def subproof(m, d, b):
    n = len(d)
    if m == n:
        return [] if b else [mth(d)]
    k = split(n)
    if m <= k:
        return subproof(m, d[:k], b) + [mth(d[k:])]
    return subproof(m - k, d[k:], False) + [mth(d[:k])]


def h(b):
    return b.hex()


def write(kind, case, mutation, obj):
    d = os.path.join(kind, case)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, mutation + ".json"), "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")


def inclusion(case, leaves, m, source):
    n = len(leaves)
    root = mth(leaves)
    lh = leaf(leaves[m])
    p = path(m, leaves)
    base = {"source": source, "leafIndex": m, "treeSize": n, "root": h(root),
            "leafHash": h(lh), "proof": [h(x) for x in p]}

    def v(mut, desc, want_err, **kw):
        write("inclusion", case, mut, {"desc": desc, "wantErr": want_err, **{**base, **kw}})

    v("happy", "valid audit path", False)
    v("wrong-leaf", "leaf hash of another entry", True, leafHash=h(leaf(b"not in the log")))
    v("index-plus-1", "leaf index + 1", True, leafIndex=m + 1)
    if m > 0:
        v("index-minus-1", "leaf index - 1", True, leafIndex=m - 1)
    v("size-times-2", "tree size doubled", True, treeSize=2 * n)
    if n // 2 > m:
        v("size-div-2", "tree size halved", True, treeSize=n // 2)
    if p:
        v("truncated", "last proof hash dropped", True, proof=[h(x) for x in p[:-1]])
    v("trailing-garbage", "extra hash after the proof", True,
      proof=[h(x) for x in p] + [h(hashlib.sha256(b"garbage").digest())])
    v("wrong-root", "root of a different tree", True, root=h(mth(leaves[:-1] + [b"x"])))


def consistency(case, leaves, m, source):
    n = len(leaves)
    p = subproof(m, leaves, True) if 0 < m < n else []
    base = {"source": source, "size1": m, "size2": n, "root1": h(mth(leaves[:m])),
            "root2": h(mth(leaves)), "proof": [h(x) for x in p]}

    def v(mut, desc, want_err, **kw):
        write("consistency", case, mut, {"desc": desc, "wantErr": want_err, **{**base, **kw}})

    v("happy", "valid consistency proof", False)
    v("size1-plus-1", "size1 + 1", True, size1=m + 1)
    if m > 1:
        v("size1-minus-1", "size1 - 1", True, size1=m - 1)
    v("size2-times-2", "size2 doubled", True, size2=2 * n)
    if p:
        v("truncated", "last proof hash dropped", True, proof=[h(x) for x in p[:-1]])
    v("trailing-garbage", "extra hash after the proof", True,
      proof=[h(x) for x in p] + [h(hashlib.sha256(b"garbage").digest())])
    v("wrong-root1", "root1 of a different tree", True,
      root1=h(mth(leaves[:m - 1] + [b"x"])))
    v("swapped-roots", "root1 and root2 exchanged", True,
      root1=base["root2"], root2=base["root1"])


def main():
    for d in ("inclusion", "consistency"):
        shutil.rmtree(d, ignore_errors=True)
    rfc = [bytes.fromhex(x) for x in RFC_LEAVES]
    big = [str(i).encode() for i in range(1000)]
    src_rfc = "RFC 6962 reference leaves (transparency-dev/merkle testonly/constants.go); generate.py"
    src_big = "leaves str(i) for i < 1000; generate.py"
    for i, (leaves, m, src) in enumerate([
            (rfc[:1], 0, src_rfc), (rfc, 0, src_rfc), (rfc, 5, src_rfc), (rfc[:3], 2, src_rfc),
            (rfc[:7], 6, src_rfc), (big, 999, src_big), (big, 257, src_big),
            (big[:513], 256, src_big)]):
        inclusion(str(i), leaves, m, src)
    for i, (leaves, m, src) in enumerate([
            (rfc, 1, src_rfc), (rfc, 6, src_rfc), (rfc[:5], 2, src_rfc), (rfc[:7], 3, src_rfc),
            (rfc, 4, src_rfc), (big, 256, src_big), (big[:513], 300, src_big),
            (big, 999, src_big)]):
        consistency(str(i), leaves, m, src)
    # The generator must reproduce the published values before anything is written out.
    assert [h(mth(rfc[:k])) for k in range(1, 9)] == PUBLISHED["roots"]
    assert [h(x) for x in path(5, rfc)] == PUBLISHED["inclusion_5_8"]
    for c in PUBLISHED["consistency"]:
        assert [h(x) for x in subproof(c["size1"], rfc[:c["size2"]], True)] == c["proof"]
    with open("rfc6962-published.json", "w") as f:
        json.dump({**PUBLISHED, "leaves": RFC_LEAVES}, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
