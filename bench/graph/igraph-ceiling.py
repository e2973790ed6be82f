# The ceiling for bench/graph.bench.ts: igraph's C implementation on the same edge list.
# Reads a binary edge file (little-endian uint32 pairs), prints one JSON line of timings in milliseconds.
import json
import sys
import time

from array import array

import igraph as ig

path, n, directed, reps = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "directed", int(sys.argv[4])
flat = array("I")
with open(path, "rb") as f:
    flat.frombytes(f.read())
if sys.byteorder != "little":
    flat.byteswap()
pairs = list(zip(flat[0::2], flat[1::2]))
t = time.perf_counter()
g = ig.Graph(n=n, edges=pairs, directed=directed)
load_ms = (time.perf_counter() - t) * 1000
runs = []
for _ in range(reps):
    t = time.perf_counter()
    scores = g.pagerank(damping=0.85)
    runs.append((time.perf_counter() - t) * 1000)
u = g.as_undirected(mode="collapse") if directed else g.simplify()
t = time.perf_counter()
clusters = u.community_multilevel()
louvain_ms = (time.perf_counter() - t) * 1000
top = sorted(range(n), key=lambda v: -scores[v])[:20]
print(json.dumps({"loadMs": load_ms, "pagerankMs": sorted(runs)[len(runs) // 2], "louvainMs": louvain_ms,
                  "communities": len(clusters), "modularity": clusters.modularity, "top20": top}))
