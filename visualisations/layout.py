"""Positions computed in Python, so that a large graph is drawn at once.

vis-network's physics needs minutes for thousands of nodes and networkx's
spring layout about 170 s at 10,000 (shared/design/MEASUREMENTS.md), and
networkx's other layouts need numpy, which lapekg does not install. This is a
radial tree layout per connected component, linear in the size of the graph:
each component is spread around its best-connected node, a ring per step
away from it, each branch given an angle in proportion to the leaves under
it; components are then packed in rows, largest first. It is deterministic,
so the same graph is drawn the same way every time, and for small graphs it
is the starting point the browser's physics refines.
"""

from __future__ import annotations

import math
from collections import deque

import networkx as nx

Position = tuple[float, float]

SPACING = 70.0   # distance wanted between neighbours on a ring
RING = 160.0     # distance between rings
GAP = 120.0      # between packed components


def bfs_tree(graph: nx.Graph, root: str) -> dict[str, list[str]]:
    """Children of each node in a breadth-first tree from ``root``, in a stable order."""
    children: dict[str, list[str]] = {root: []}
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for other in sorted(graph.neighbors(node)):
            if other not in children:
                children[other] = []
                children[node].append(other)
                queue.append(other)
    return children


def leaf_counts(children: dict[str, list[str]], root: str) -> dict[str, int]:
    """Leaves under each node (a leaf counts itself), without recursion."""
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(children[node])
    counts: dict[str, int] = {}
    for node in reversed(order):
        counts[node] = sum(counts[c] for c in children[node]) or 1
    return counts


def radial_layout(graph: nx.Graph, nodes: set[str]) -> dict[str, Position]:
    """One component around its best-connected node, centred on (0, 0)."""
    part = graph.subgraph(nodes)
    root = min(part.nodes, key=lambda n: (-part.degree(n), n))
    children = bfs_tree(part, root)
    leaves = leaf_counts(children, root)
    angle: dict[str, float] = {root: 0.0}
    depth: dict[str, int] = {root: 0}
    queue = deque([(root, 0.0, 2 * math.pi)])
    while queue:
        node, start, span = queue.popleft()
        total = sum(leaves[c] for c in children[node]) or 1
        for child in children[node]:
            width = span * leaves[child] / total
            angle[child] = start + width / 2
            depth[child] = depth[node] + 1
            queue.append((child, start, width))
            start += width
    per_ring: dict[int, int] = {}
    for d in depth.values():
        per_ring[d] = per_ring.get(d, 0) + 1
    radius, current = {0: 0.0}, 0.0
    for d in range(1, max(per_ring) + 1):
        current = max(current + RING, per_ring[d] * SPACING / (2 * math.pi))
        radius[d] = current
    return {n: (radius[depth[n]] * math.cos(angle[n]), radius[depth[n]] * math.sin(angle[n]))
            for n in depth}


def pack(layouts: list[dict[str, Position]]) -> dict[str, Position]:
    """Components side by side in rows about as wide as the whole is tall."""
    sized = []
    for layout in layouts:
        extent = max((math.hypot(x, y) for x, y in layout.values()), default=0.0)
        sized.append((layout, 2 * extent + GAP))
    row_width = math.sqrt(sum(size * size for _, size in sized)) * 1.2
    positions: dict[str, Position] = {}
    x = y = row_height = 0.0
    for layout, size in sized:
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + size / 2, y + size / 2
        for node, (px, py) in layout.items():
            positions[node] = (round(cx + px, 1), round(cy + py, 1))
        x += size
        row_height = max(row_height, size)
    return positions


def positions(model: nx.Graph) -> dict[str, Position]:
    """A position for every node of ``model`` (directions and parallel edges ignored)."""
    simple = nx.Graph()
    simple.add_nodes_from(model.nodes)
    simple.add_edges_from((u, v) for u, v in model.edges() if u != v)
    components = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c)))
    return pack([radial_layout(simple, set(c)) for c in components])
