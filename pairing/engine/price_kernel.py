"""Exact pricing of one block of directors, compiled (Numba): for each director a depth-first
branch-and-bound over producer × instructor sets, with the bounds of pricing.py's module docstring.

Per director: every allowed instructor j gets its optimistic value U'(j) = a(j) + (its needs credit
alone), a(j) = pair value − price; they are sorted by U' falling (the canonical order: a team lists its
instructors in rising position, so each set is met once). Producers are tried in order of their own bound
(their optimistic value + the best completion by U'), while it beats the threshold. A partial team T with
c instructors is extended by the newcomer at position j only while
    value(T) + U'(j) + (best completion from the positions after j)  >  threshold,
which falls with j, so the first failure ends the loop; and only while
    value(T) + a(j) + (the needs T leaves open) + (the best a-parts of the rest)  >  threshold.
Both are valid: needs never gain more than a newcomer's own credit nor more than what is still open, and
the meeting value never rises with more members. The threshold is the floor, raised to the `keep`-th best
team found above it (the best with keep ≤ 1): every pruned team is at most the threshold, so
max(best found, floor) bounds every team of the director exactly.

Compared with the breadth-first NumPy enumeration it replaced, a depth-first search raises the threshold
at its first complete team (the greedy team: best producer, best instructors) and holds no partial teams.
Per director it runs in two phases (price_rows): a first search over the most promising mentors gives a
threshold, then only the mentors that can beat it are sorted and searched, producers grouped by the needs
coverage they start with (docs/engine.md, *Team columns* and *Compiled pricing*).

Producers of one class — the same weekly slots with the director and the same levels at its needs — have
the same teams, worth what their a-parts differ by: only the first of a class (the largest a-part: the
producers come by bound, which orders a class by a-part) is searched; the others take its `keep` best
teams (_class_teams). Near the LP's duals many producers tie (3,000 of a director's producers fall into
30–600 classes at 10,000), and the proof went over each of them."""

from __future__ import annotations

import numpy as np
from numba import njit

NEG = -1e9  # a value no team reaches (a forbidden mentor's optimistic value: any team using it is pruned)
MAX_DEPTH = 16  # instructors per team the search can hold (options allow far fewer)
FIRST_PRODUCERS = 8  # the first phase's producers and instructors per director
FIRST_INSTRUCTORS = 24
SIG_BITS = 6  # needs whose coverage groups the candidates for a team's last newcomer
GROUPS = 64  # needs coverages a director's producers are grouped by (the last: every coverage beyond)


@njit(cache=True, inline="always")
def _pop64(x):
    x = x - ((x >> np.uint64(1)) & np.uint64(0x5555555555555555))
    x = (x & np.uint64(0x3333333333333333)) + ((x >> np.uint64(2)) & np.uint64(0x3333333333333333))
    x = (x + (x >> np.uint64(4))) & np.uint64(0x0F0F0F0F0F0F0F0F)
    return np.int64((x * np.uint64(0x0101010101010101)) >> np.uint64(56))


@njit(cache=True)
def _pop(words):
    total = 0
    for w in range(words.shape[0]):
        total += _pop64(words[w])
    return total


@njit(cache=True)
def _meet(words, w_meet, full):
    return w_meet * min(_pop(words), full)


@njit(cache=True)
def _needs(lvl, n_needs, per_need):
    total = 0.0
    for k in range(n_needs):
        total += lvl[k]
    return total * per_need


@njit(cache=True)
def _open_needs(lvl, n_needs, per_need):
    total = 0.0
    for k in range(n_needs):
        if lvl[k] < 1.0:
            total += 1.0 - lvl[k]
    return total * per_need


@njit(cache=True)
def _rest(s_all, s_pos, n, start, req, opt):
    """Best completion from sorted positions ≥ start: req required and opt optional (positive) values."""
    if start + req > n:
        return NEG
    end = min(start + req + opt, n)
    return (s_all[start + req] - s_all[start]) + (s_pos[end] - s_pos[start + req])


@njit(cache=True)
def _rest_a(top_a, n_top, req, opt):
    """Best a-parts of req required and opt optional instructors, their needs credit left out."""
    if req > n_top:
        return NEG
    total = 0.0
    for t in range(min(req + opt, n_top)):
        total += top_a[t] if t < req else max(top_a[t], 0.0)
    return total


@njit(cache=True)
def _record(r, value, p, members, count, keep, keep_all, top_v, top_p, top_m, n_top,
            out_r, out_p, out_m, out_v, n_out):
    """A complete team above the floor: into the director's best `keep` (or, with keep_all, straight
    into the output). Returns the new output count (−1 when the output is full)."""
    if keep_all:
        if n_out >= out_r.shape[0]:
            return -1
        out_r[n_out], out_p[n_out], out_v[n_out] = r, p, value
        out_m[n_out, :] = -1
        out_m[n_out, :count] = members[:count]
        return n_out + 1
    if keep <= 0:
        return n_out
    slot = n_top[0]
    if slot == keep:  # full: replace the worst when better
        slot = 0
        for t in range(1, keep):
            if top_v[t] < top_v[slot]:
                slot = t
        if value <= top_v[slot]:
            return n_out
    else:
        n_top[0] += 1
    top_v[slot], top_p[slot] = value, p
    top_m[slot, :] = -1
    top_m[slot, :count] = members[:count]
    return n_out


@njit(cache=True)
def _threshold(floor_r, best_r, keep, keep_all, top_v, n_top):
    """What a team must beat to matter: the floor, raised to the keep-th best found (the best when keep
    is 0, the floor alone when every team above it is wanted)."""
    if keep_all:
        return floor_r
    if keep <= 0:
        return max(floor_r, best_r)
    if n_top < keep:
        return floor_r
    worst = top_v[0]
    for t in range(1, keep):
        worst = min(worst, top_v[t])
    return max(floor_r, worst)


@njit(cache=True)
def _last_newcomer(r, c, val, thr_lo, p, c_list, c_u, g_start, g_items, g_level, n_bits, a, m_words, levels, cols,
                   k_n, pn, w_meet, full, require, lo_r, floor_r, keep, keep_all, best, tops, out, n_out, st_mask,
                   st_lvl, st_pos, members, classes, work):
    """Every complete team T + j worth recording, j after T's last member in the canonical order: a
    newcomer of signature group g adds at most a(j) + Σ over g's needs of (the group's best level − T's
    level), so within a group (a falling) the candidates form a prefix. Returns the output count."""
    W = m_words.shape[1]
    top_v, top_p, top_m, n_top = tops
    start = st_pos[c]
    beyond = 0.0  # needs past the signature bits: counted open for every group
    for k in range(n_bits, k_n):
        beyond += max(1.0 - st_lvl[c, k], 0.0) * pn
    meet_t = _meet(st_mask[c], w_meet, full)
    thr = max(thr_lo, _threshold(floor_r, best[r], keep, keep_all, top_v, n_top[0]))
    for g in range(1 << n_bits):
        if g_start[g] == g_start[g + 1]:
            continue
        cap = beyond
        for k in range(n_bits):
            if (g >> k) & 1:
                cap += max(g_level[g, k] - st_lvl[c, k], 0.0) * pn
        for t in range(g_start[g], g_start[g + 1]):
            work[0] += 1
            pos = g_items[t]
            m = c_list[pos]
            if val + a[r, m] + cap <= thr:
                break
            if pos < start or val + c_u[pos] <= thr:
                continue
            alive = False
            for w in range(W):
                st_mask[c + 1, w] = st_mask[c, w] & m_words[m, w]
                if st_mask[c + 1, w]:
                    alive = True
            if require and not alive:
                continue
            value = val + a[r, m] + _meet(st_mask[c + 1], w_meet, full) - meet_t
            for k in range(k_n):
                lv = levels[m, cols[r, k]]
                if lv > st_lvl[c, k]:
                    value += (lv - st_lvl[c, k]) * pn
            if c + 1 >= lo_r:
                _producer_team(value, members, c, m, classes)
            if c + 1 < lo_r or value <= thr:
                if c + 1 >= lo_r and value > best[r]:
                    best[r] = value
                continue
            if value > best[r]:
                best[r] = value
            if value > floor_r + 1e-9:
                members[c] = m
                n_out = _record(r, value, p, members, c + 1, keep, keep_all, top_v, top_p, top_m, n_top,
                                out[0], out[1], out[2], out[3], n_out)
                if n_out < 0:
                    return -1
            thr = max(thr_lo, _threshold(floor_r, best[r], keep, keep_all, top_v, n_top[0]))
    return n_out


@njit(cache=True)
def _signatures(r, c_list, n_c, a, levels, cols, k_n, g_start, g_items, g_level, count):
    """The sorted instructors (positions 0 … n_c − 1 of c_list) grouped by which of the director's first
    SIG_BITS needs they cover (g_start: each group's first entry in g_items), each group by a-part falling;
    g_level: the group's best level per need. Returns the number of signature bits."""
    n_bits = min(k_n, SIG_BITS)
    n_sig = 1 << n_bits
    K = g_level.shape[1]
    for g in range(n_sig + 1):
        count[g] = 0
    for g in range(n_sig):
        for k in range(K):
            g_level[g, k] = 0.0
    if n_c == 0:
        for g in range(n_sig + 1):
            g_start[g] = 0
        return n_bits
    keys = np.empty(n_c, np.float64)
    for t in range(n_c):
        keys[t] = -a[r, c_list[t]]
    by_a = np.argsort(keys)
    sig_of = np.empty(n_c, np.int64)
    for t in range(n_c):
        m = c_list[t]
        g = 0
        for k in range(n_bits):
            if levels[m, cols[r, k]] > 0:
                g |= 1 << k
        sig_of[t] = g
        count[g + 1] += 1
        for k in range(n_bits):
            g_level[g, k] = max(g_level[g, k], levels[m, cols[r, k]])
    g_start[0] = 0
    for g in range(n_sig):
        g_start[g + 1] = g_start[g] + count[g + 1]
        count[g + 1] = g_start[g]
    for t in by_a:  # a stable bucket sort: a falling within each group
        g = sig_of[t]
        g_items[count[g + 1]] = t
        count[g + 1] += 1
    return n_bits


@njit(cache=True)
def _class_slot(r, m, base_mask, base_lv, m_words, levels, cols, k_n, t_first, t_stamp, stamp):
    """The slot of mentor m's class in the open-addressing table t_first / t_stamp (a slot of another stamp
    is empty; a taken slot holds its class's first mentor). Mentors of one class meet the director in the
    same weekly slots and bring the same levels to its needs (the locked instructors' included): any team
    of one is a team of the other, with a value that differs by their a-parts alone."""
    W = m_words.shape[1]
    h = np.uint64(1469598103934665603)  # FNV-1a over the class's key, then a final mix (splitmix64's)
    for w in range(W):
        h = (h ^ (base_mask[r, w] & m_words[m, w])) * np.uint64(1099511628211)
    for k in range(k_n):
        level = max(base_lv[r, k], levels[m, cols[r, k]])
        h = (h ^ np.uint64(int(level * 1024.0))) * np.uint64(1099511628211)
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xFF51AFD7ED558CCD)
    h ^= h >> np.uint64(33)
    mask = t_first.shape[0] - 1
    s = np.int64(h & np.uint64(mask))
    while t_stamp[s] == stamp:
        q = t_first[s]
        same = True
        for w in range(W):
            if (m_words[q, w] ^ m_words[m, w]) & base_mask[r, w]:
                same = False
                break
        if same:
            for k in range(k_n):
                if max(base_lv[r, k], levels[q, cols[r, k]]) != max(base_lv[r, k], levels[m, cols[r, k]]):
                    same = False
                    break
        if same:
            return s
        s = (s + 1) & mask
    return s


@njit(cache=True, inline="always")
def _producer_team(value, members, c, last, classes):
    """Keep a complete team of the producer being searched among its best (as many as the director keeps,
    at least one): members[:c], and `last` when ≥ 0."""
    p_value, p_size, p_members, p_n = classes[7], classes[8], classes[9], classes[10]
    i = p_n[0]
    if i < p_value.shape[0]:
        p_n[0] = i + 1
    else:
        i = 0
        for t in range(1, p_value.shape[0]):
            if p_value[t] < p_value[i]:
                i = t
        if value <= p_value[i]:
            return
    p_value[i] = value
    p_members[i, :] = -1
    p_members[i, :c] = members[:c]
    p_size[i] = c
    if last >= 0:
        p_members[i, c] = last
        p_size[i] = c + 1


@njit(cache=True)
def _class_teams(r, p, slot, a, floor_r, keep, keep_all, classes, tops, out, n_out):
    """Producer p's teams when its class's first producer q (a[r, q] ≥ a[r, p]) was searched: q's best
    teams with p in its place, each worth a[r, p] − a[r, q] less. Every other team of p is worth that much
    less than one of q's that the search pruned (at most the threshold) or that ranks below those kept
    (then so does p's, below them). Recorded like teams found; returns the output count (−1: full)."""
    t_first, t_value, t_size, t_members, t_n = classes[0], classes[2], classes[3], classes[4], classes[5]
    shift = a[r, p] - a[r, t_first[slot]]
    top_v, top_p, top_m, n_top = tops
    for i in range(t_n[slot]):
        value = t_value[slot, i] + shift
        if value > floor_r + 1e-9:
            n_out = _record(r, value, p, t_members[slot, i], t_size[slot, i], keep, keep_all, top_v, top_p,
                            top_m, n_top, out[0], out[1], out[2], out[3], n_out)
            if n_out < 0:
                return -1
    return n_out


@njit(cache=True)
def _search(r, p_list, p_bound, n_prod, c_list, c_u, n, s_all, s_pos, thr_lo, a, m_words, levels, cols, k_n, pn,
            const, w_meet, full, require, lo_r, h, base_lin, base_mask, base_lv, floor_r, keep, keep_all, top_a, n_a,
            best, tops, out, n_out, st_mask, st_lvl, st_lin, st_val, st_pos, members, sig, classes, work):
    """The depth-first search of one director over sorted producers (p_list by p_bound falling) and sorted
    instructors (c_list by optimistic value c_u falling, prefix sums s_all / s_pos): see the module
    docstring. Teams at most thr_lo are pruned from the start. The last newcomer of a team is looked for
    by `sig` (_signatures): per group of instructors covering the same needs, by a-part falling, while
    a-part + what the group could add to the needs still open beats the threshold. A producer of a class
    already searched (_class_slot) is not searched again: its best teams are the class's, with it in the
    first producer's place (_class_teams; keep_all searches every producer). Returns the output count
    (−1: full)."""
    g_start, g_items, g_level, n_bits = sig
    t_first, t_stamp, t_value, t_size, t_members, t_n, stamp, p_value, p_size, p_members, p_n = classes
    stamp[0] += 1
    W = base_mask.shape[1]
    K = cols.shape[1]
    top_v, top_p, top_m, n_top = tops
    out_r, out_p, out_m, out_v = out
    thr = max(thr_lo, _threshold(floor_r, best[r], keep, keep_all, top_v, n_top[0]))
    for q in range(n_prod):
        if p_bound[q] <= thr:
            break
        p = p_list[q]
        work[0] += 1
        slot = -1
        if not keep_all:
            slot = _class_slot(r, p, base_mask, base_lv, m_words, levels, cols, k_n, t_first, t_stamp, stamp[0])
            if t_stamp[slot] == stamp[0] and a[r, p] <= a[r, t_first[slot]]:
                n_out = _class_teams(r, p, slot, a, floor_r, keep, keep_all, classes, tops, out, n_out)
                if n_out < 0:
                    return -1
                thr = max(thr_lo, _threshold(floor_r, best[r], keep, keep_all, top_v, n_top[0]))
                continue
            t_stamp[slot], t_first[slot] = stamp[0], p
        p_n[0] = 0
        for w in range(W):
            st_mask[0, w] = base_mask[r, w] & m_words[p, w]
        for k in range(K):
            st_lvl[0, k] = max(base_lv[r, k], levels[p, cols[r, k]])
        st_lin[0] = base_lin[r] + a[r, p]
        st_val[0] = st_lin[0] + _needs(st_lvl[0], k_n, pn) + _meet(st_mask[0], w_meet, full) + const
        st_pos[0] = 0
        c = 0
        entered = True
        while c >= 0:
            val = st_val[c]
            if entered:
                entered = False
                if c >= lo_r:
                    _producer_team(val, members, c, -1, classes)
                    if val > best[r]:
                        best[r] = val
                    if val > floor_r + 1e-9:
                        n_out = _record(r, val, p, members, c, keep, keep_all, top_v, top_p, top_m, n_top,
                                        out_r, out_p, out_m, out_v, n_out)
                        if n_out < 0:
                            return -1
                    thr = max(thr_lo, _threshold(floor_r, best[r], keep, keep_all, top_v, n_top[0]))
                if c >= h:
                    c -= 1
                    continue
            if c == h - 1:  # the last newcomer: by needs signature, then done with this node
                n_out = _last_newcomer(r, c, val, thr_lo, p, c_list, c_u, g_start, g_items, g_level, n_bits, a,
                                       m_words, levels, cols, k_n, pn, w_meet, full, require, lo_r, floor_r, keep,
                                       keep_all, best, tops, out, n_out, st_mask, st_lvl, st_pos, members, classes,
                                       work)
                if n_out < 0:
                    return -1
                thr = max(thr_lo, _threshold(floor_r, best[r], keep, keep_all, top_v, n_top[0]))
                c -= 1
                continue
            req = max(lo_r - c - 1, 0)
            opt = max(h - c - 1 - req, 0)
            j = st_pos[c]
            pushed = False
            while j < n:
                work[0] += 1
                if val + c_u[j] + _rest(s_all, s_pos, n, j + 1, req, opt) <= thr:
                    j = n
                    break
                m = c_list[j]
                j += 1
                if val + a[r, m] + _open_needs(st_lvl[c], k_n, pn) + _rest_a(top_a, n_a, req, opt) <= thr:
                    continue
                alive = False
                for w in range(W):
                    st_mask[c + 1, w] = st_mask[c, w] & m_words[m, w]
                    if st_mask[c + 1, w]:
                        alive = True
                if require and not alive:
                    continue
                for k in range(K):
                    st_lvl[c + 1, k] = max(st_lvl[c, k], levels[m, cols[r, k]])
                st_lin[c + 1] = st_lin[c] + a[r, m]
                st_val[c + 1] = (st_lin[c + 1] + _needs(st_lvl[c + 1], k_n, pn)
                                 + _meet(st_mask[c + 1], w_meet, full) + const)
                members[c] = m
                st_pos[c] = j
                st_pos[c + 1] = j
                c += 1
                entered = True
                pushed = True
                break
            if not pushed:
                st_pos[c] = j
                c -= 1
        if slot >= 0:  # the class's best teams, for the producers of the class that follow
            t_n[slot] = p_n[0]
            t_value[slot, :], t_size[slot, :], t_members[slot, :, :] = p_value, p_size, p_members
    return n_out


@njit(cache=True)
def _sorted(idx, val, count, cut, out_i, out_v, s_all, s_pos):
    """The entries above cut, sorted by value falling, into out_i / out_v with their prefix sums (of the
    values and of their positive parts). Returns how many."""
    n = 0
    for t in range(count):
        if val[t] > cut:
            out_i[n] = idx[t]
            out_v[n] = val[t]
            n += 1
    _sort_falling(out_i, out_v, n)
    _prefix_sums(out_v, n, s_all, s_pos)
    return n


@njit(cache=True)
def _sort_falling(idx, val, n):
    """The first n entries of idx and val, in place, by val falling."""
    order = np.argsort(-val[:n])
    sorted_i = idx[:n][order]
    sorted_v = val[:n][order]
    idx[:n] = sorted_i
    val[:n] = sorted_v


@njit(cache=True)
def _prefix_sums(val, n, s_all, s_pos):
    """s_all[t]: the sum of the first t values; s_pos[t]: of their positive parts."""
    s_all[0] = 0.0
    s_pos[0] = 0.0
    for t in range(n):
        s_all[t + 1] = s_all[t] + val[t]
        s_pos[t + 1] = s_pos[t] + max(val[t], 0.0)


@njit(cache=True)
def _keep_top(idx, val, count, k):
    """Keep, in place and in order, the entries of idx[:count] / val[:count] whose value is among the k
    largest (ties at the cut-off all kept). Returns how many."""
    if count <= k:
        return count
    cut = _kth_largest(val, count, k)
    kept = 0
    for t in range(count):
        if val[t] >= cut:
            idx[kept], val[kept] = idx[t], val[t]
            kept += 1
    return kept


@njit(cache=True)
def _kth_largest(val, count, k):
    """The k-th largest of val[:count] (−inf when there are fewer)."""
    if count < k or k <= 0:
        return -np.inf
    return -np.partition(-val[:count], k - 1)[k - 1]


@njit(cache=True)
def _group_producers(r, prods, bound_p, own_p, n_prod, thr, levels, cols, k_n, pn, base_lv, groups, group_of, tight_p,
                     max_groups):
    """Group the producers whose bound beats thr by the needs coverage they start a team with (the locked
    instructors' included); the last group, used when max_groups − 1 are taken, is the locked instructors'
    coverage alone (any producer's is at least that). tight_p gets each producer's start value bound
    without its needs credit (added per group). Returns the number of groups."""
    n_g = 0
    for q in range(n_prod):
        group_of[q] = -1
        if bound_p[q] <= thr:
            continue
        p = prods[q]
        g = -1
        for t in range(n_g):
            same = True
            for k in range(k_n):
                if groups[t, k] != max(base_lv[r, k], levels[p, cols[r, k]]):
                    same = False
                    break
            if same:
                g = t
                break
        if g < 0:
            if n_g < max_groups - 1:
                g = n_g
                n_g += 1
                for k in range(k_n):
                    groups[g, k] = max(base_lv[r, k], levels[p, cols[r, k]])
            else:
                g = max_groups - 1
                for k in range(k_n):
                    groups[g, k] = base_lv[r, k]
        group_of[q] = g
        tight_p[q] = own_p[q]
        if g == max_groups - 1:  # its needs beyond the group's coverage
            for k in range(k_n):
                tight_p[q] += (max(base_lv[r, k], levels[p, cols[r, k]]) - base_lv[r, k]) * pn
    return n_g


@njit(cache=True)
def _best_completion(r, c_list, c_u, n_c, s_all, s_pos, a, levels, cols, k_n, pn, cover, lo_r, h, lvl, pos, acc,
                     work):
    """The best value newcomers can add to a start with needs coverage `cover`, slots aside (a meeting never
    gains from newcomers): max over instructor sets S of the sorted list, lo_r ≤ |S| ≤ h, of
    Σ a(S) + the needs S covers better. A depth-first search like _search's. NEG when no set fits."""
    K = lvl.shape[1]
    best = NEG
    for k in range(K):
        lvl[0, k] = cover[k]
    acc[0] = 0.0
    pos[0] = 0
    c = 0
    entered = True
    while c >= 0:
        if entered:
            entered = False
            if c >= lo_r and acc[c] > best:
                best = acc[c]
            if c >= h:
                c -= 1
                continue
        req = max(lo_r - c - 1, 0)
        opt = max(h - c - 1 - req, 0)
        j = pos[c]
        pushed = False
        while j < n_c:
            work[0] += 1
            if acc[c] + c_u[j] + _rest(s_all, s_pos, n_c, j + 1, req, opt) <= best:
                j = n_c
                break
            m = c_list[j]
            j += 1
            gain = a[r, m]
            for k in range(k_n):
                lv = levels[m, cols[r, k]]
                if lv > lvl[c, k]:
                    gain += (lv - lvl[c, k]) * pn
                    lvl[c + 1, k] = lv
                else:
                    lvl[c + 1, k] = lvl[c, k]
            acc[c + 1] = acc[c] + gain
            pos[c] = j
            pos[c + 1] = j
            c += 1
            entered = True
            pushed = True
            break
        if not pushed:
            pos[c] = j
            c -= 1
    return best


@njit(cache=True)
def _search_groups(r, n_g, max_groups, groups, group_of, prods, tight_p, cap_p, n_prod, f_list, n_f, cut_i, thr_lo, a,
                   m_words, levels, cols, k_n, pn, const, w_meet, full, require, lo_r, h, base_lin, base_mask,
                   base_lv, floor_r, keep, keep_all, top_a, n_a, best, tops, out, n_out, st_mask, st_lvl, st_lin,
                   st_val, st_pos, members, p_list, p_bound, c_list, c_u, s_all, s_pos, sig, classes, work):
    """Search each group of producers with its own newcomer order: a newcomer's value is what it adds to
    the group's coverage (needs it covers better) plus its a-part — never less than what it adds to any
    team of the group, whose coverage only grows. A producer's bound is its start value plus the best
    completion by these values, and the needs cap (pricing's second bound)."""
    for g_at in range(n_g + 1):
        g = g_at if g_at < n_g else max_groups - 1
        members_g = 0
        for q in range(n_prod):
            if group_of[q] == g:
                members_g += 1
        if members_g == 0:  # (the last group is often empty: its coverage is then not even set)
            continue
        n_c = 0
        work[0] += n_f
        for t in range(n_f):
            m = f_list[t]
            gain = a[r, m]
            for k in range(k_n):
                gain += max(levels[m, cols[r, k]] - groups[g, k], 0.0) * pn
            if gain > cut_i:
                c_list[n_c] = m
                c_u[n_c] = gain
                n_c += 1
        _sort_falling(c_list, c_u, n_c)
        _prefix_sums(c_u, n_c, s_all, s_pos)
        hg = min(h, n_c)
        first = _best_completion(r, c_list, c_u, n_c, s_all, s_pos, a, levels, cols, k_n, pn, groups[g], lo_r, hg,
                                 st_lvl, st_pos, st_lin, work)
        needs_g = 0.0
        for k in range(k_n):
            needs_g += groups[g, k]
        needs_g *= pn
        n_gp = 0
        for q in range(n_prod):
            if group_of[q] != g:
                continue
            p_list[n_gp] = prods[q]
            p_bound[n_gp] = min(tight_p[q] + needs_g + first, cap_p[q])
            n_gp += 1
        if n_gp == 0:
            continue
        _sort_falling(p_list, p_bound, n_gp)
        n_bits = _signatures(r, c_list, n_c, a, levels, cols, k_n, sig[0], sig[1], sig[2], sig[3])
        n_out = _search(r, p_list, p_bound, n_gp, c_list, c_u, n_c, s_all, s_pos, thr_lo, a, m_words,
                        levels, cols, k_n, pn, const, w_meet, full, require, lo_r, hg, base_lin, base_mask,
                        base_lv, floor_r, keep, keep_all, top_a, n_a, best, tops, out, n_out, st_mask, st_lvl,
                        st_lin, st_val, st_pos, members, (sig[0], sig[1], sig[2], n_bits), classes, work)
        if n_out < 0:
            return -1
    return n_out


@njit(cache=True)
def price_rows(a, prod_ok, inst_ok, m_words, levels, cols, counts, per_need, constant, w_meet, full,
               require, lo, hi, base_lin, base_mask, base_lv, floor, keep, keep_all, capacity, width, max_groups,
               restrict):
    """Exact pricing of a block (see the module docstring). a: B × M priced pair values (producers first);
    prod_ok / inst_ok: which producers / instructors may join (locks and rules applied); the base_* the
    locked instructors' part of every team. Returns best, upper (per director), and the kept teams as
    (row, producer, instructors −1 padded, value) arrays with their count (−1: more than `capacity`), and the
    search's steps (producers started and newcomers looked at: what the pass cost, in a count that does
    not depend on the machine).

    Per director in two phases: first the same search over its FIRST_PRODUCERS and FIRST_INSTRUCTORS most
    promising mentors, whose keep-th best team is a threshold every wanted team beats; then only the
    mentors that can still beat it (a producer by its bound, an instructor by its optimistic value against
    the best start and the best newcomers) are sorted and searched, from that threshold. With restrict > 0
    (the heuristic pass) only each director's `restrict` most promising producers (a-part, meeting and
    needs credit) and instructors (a-part and needs credit) take part: `upper` is then no bound."""
    B, M = a.shape
    n_p = prod_ok.shape[1]
    n_i = M - n_p
    K = cols.shape[1]
    W = base_mask.shape[1]
    best = np.full(B, -np.inf)
    upper = np.full(B, -np.inf)
    cap = capacity if keep_all else max(B * max(keep, 0), 1)
    out = (np.empty(cap, np.int64), np.empty(cap, np.int64), np.full((cap, width), -1, np.int64),
           np.empty(cap, np.float64))
    n_out = 0
    cand = np.empty(n_i, np.int64)
    u_c = np.empty(n_i, np.float64)
    prods = np.empty(n_p, np.int64)
    bound_p = np.empty(n_p, np.float64)
    start_p = np.empty(n_p, np.float64)
    own_p = np.empty(n_p, np.float64)
    rank_p = np.empty(n_p, np.float64)
    cap_p = np.empty(n_p, np.float64)
    tight_p = np.empty(n_p, np.float64)
    group_of = np.empty(n_p, np.int64)
    groups = np.empty((max_groups, max(K, 1)), np.float64)
    f_list = np.empty(n_i, np.int64)
    f_u = np.empty(n_i, np.float64)
    c_list = np.empty(n_i, np.int64)
    c_u = np.empty(n_i, np.float64)
    s_all = np.empty(n_i + 1, np.float64)
    s_pos = np.empty(n_i + 1, np.float64)
    p_list = np.empty(n_p, np.int64)
    p_bound = np.empty(n_p, np.float64)
    ps_all = np.empty(n_p + 1, np.float64)
    ps_pos = np.empty(n_p + 1, np.float64)
    top_a = np.full(MAX_DEPTH, NEG)
    u_best = np.zeros(MAX_DEPTH)
    keep_n = max(keep, 1)
    tops = (np.empty(keep_n, np.float64), np.empty(keep_n, np.int64), np.full((keep_n, width), -1, np.int64),
            np.zeros(1, np.int64))
    st_mask = np.empty((MAX_DEPTH + 1, W), np.uint64)
    st_lvl = np.empty((MAX_DEPTH + 1, K), np.float64)
    st_lin = np.empty(MAX_DEPTH + 1, np.float64)
    st_val = np.empty(MAX_DEPTH + 1, np.float64)
    st_pos = np.empty(MAX_DEPTH + 1, np.int64)
    members = np.full(MAX_DEPTH + 1, -1, np.int64)
    size = 1  # the producers' classes (_class_slot): an open-addressing table at most half full
    while size < 2 * n_p:
        size *= 2
    per_class = max(keep, 1)  # each class's best teams: as many as a director keeps
    classes = (np.empty(size, np.int64), np.zeros(size, np.int64), np.empty((size, per_class), np.float64),
               np.empty((size, per_class), np.int64), np.empty((size, per_class, MAX_DEPTH + 1), np.int64),
               np.empty(size, np.int64), np.zeros(1, np.int64), np.empty(per_class, np.float64),
               np.empty(per_class, np.int64), np.empty((per_class, MAX_DEPTH + 1), np.int64), np.zeros(1, np.int64))
    work = np.zeros(1, np.int64)  # the search's steps: newcomers looked at (the pass's cost in deterministic units)
    sig = (np.zeros((1 << SIG_BITS) + 1, np.int64), np.empty(n_i, np.int64),
           np.zeros((1 << SIG_BITS, max(K, 1)), np.float64), np.zeros((1 << SIG_BITS) + 1, np.int64))
    for r in range(B):
        floor_r = max(floor[r], NEG / 2)
        tops[3][0] = 0
        k_n = counts[r] if counts[r] > 0 else 0
        pn = per_need[r]
        if hi[r] < 0:
            upper[r] = floor_r
            continue
        # instructors: optimistic values; the hi best a-parts apart
        n = 0
        n_a = 0
        depth = min(hi[r], MAX_DEPTH)
        for t in range(MAX_DEPTH):
            top_a[t] = NEG
        for j in range(n_i):
            if not inst_ok[r, j]:
                continue
            m = n_p + j
            if require:
                meets = False
                for w in range(W):
                    if base_mask[r, w] & m_words[m, w]:
                        meets = True
                        break
                if not meets:
                    continue
            single = 0.0
            for k in range(k_n):
                single += levels[m, cols[r, k]]
            cand[n] = m
            u_c[n] = a[r, m] + single * pn
            n += 1
        if restrict > 0:  # the heuristic pass: the most promising instructors only
            n = _keep_top(cand, u_c, n, restrict)
        for t in range(n):
            v = a[r, cand[t]]  # keep the hi best a-parts (insertion into a short sorted list)
            if depth > 0 and (n_a < depth or v > top_a[depth - 1]):
                t = min(n_a, depth - 1)
                while t > 0 and top_a[t - 1] < v:
                    top_a[t] = top_a[t - 1]
                    t -= 1
                top_a[t] = v
                n_a = min(n_a + 1, depth)
        h = min(hi[r], n)
        lo_r = max(lo[r], 0)
        u_max = -np.inf
        n_best = 0  # the h best optimistic values (u_best), for the producers' completion
        for t in range(n):
            v = u_c[t]
            if v > u_max:
                u_max = v
            if h > 0 and (n_best < h or v > u_best[h - 1]):
                q = min(n_best, h - 1)
                while q > 0 and u_best[q - 1] < v:
                    u_best[q] = u_best[q - 1]
                    q -= 1
                u_best[q] = v
                n_best = min(n_best + 1, h)
        first = NEG
        if lo_r <= n_best:
            first = 0.0
            for t in range(min(h, n_best)):
                first += u_best[t] if t < lo_r else max(u_best[t], 0.0)
        base_needs = _needs(base_lv[r], k_n, pn)
        base_open = _open_needs(base_lv[r], k_n, pn)
        first_a = _rest_a(top_a, n_a, lo_r, max(h - lo_r, 0))
        # producers: their own bound (and an upper bound on the value of the team they start)
        n_prod = 0
        for p in range(n_p):
            if not prod_ok[r, p]:
                continue
            shared = 0
            for w in range(W):
                shared += _pop64(base_mask[r, w] & m_words[p, w])
            if require and shared == 0:
                continue
            single = 0.0
            for k in range(k_n):
                single += levels[p, cols[r, k]]
            own = a[r, p] + w_meet * min(shared, full) + constant[r] + base_lin[r]
            b1 = own + single * pn + base_needs + first
            b2 = own + base_needs + base_open + first_a
            prods[n_prod] = p
            rank_p[n_prod] = a[r, p] + w_meet * min(shared, full) + single * pn
            bound_p[n_prod] = min(b1, b2)
            own_p[n_prod] = own
            cap_p[n_prod] = b2
            start_p[n_prod] = own + min(single * pn + base_needs, base_needs + base_open)
            n_prod += 1
        if restrict > 0 and n_prod > restrict:  # the heuristic pass: the most promising producers only
            cut = _kth_largest(rank_p, n_prod, restrict)
            kept = 0
            for q in range(n_prod):
                if rank_p[q] >= cut:
                    prods[kept], bound_p[kept], own_p[kept] = prods[q], bound_p[q], own_p[q]
                    cap_p[kept], start_p[kept] = cap_p[q], start_p[q]
                    kept += 1
            n_prod = kept
        if n_prod == 0 or first <= NEG / 2:
            upper[r] = max(floor_r, best[r])
            continue
        thr_lo = NEG
        if not keep_all:  # phase 1: the most promising mentors only
            cut_p = _kth_largest(bound_p, n_prod, FIRST_PRODUCERS)
            cut_i = _kth_largest(u_c, n, FIRST_INSTRUCTORS)
            n1p = _sorted(prods, bound_p, n_prod, cut_p - 1e-12 if np.isfinite(cut_p) else -np.inf,
                          p_list, p_bound, ps_all, ps_pos)
            n1 = _sorted(cand, u_c, n, cut_i - 1e-12 if np.isfinite(cut_i) else -np.inf, c_list, c_u, s_all, s_pos)
            n_bits = _signatures(r, c_list, n1, a, levels, cols, k_n, sig[0], sig[1], sig[2], sig[3])
            n_out = _search(r, p_list, p_bound, n1p, c_list, c_u, n1, s_all, s_pos, NEG, a, m_words,
                            levels, cols, k_n, pn, constant[r], w_meet, full, require, lo_r, min(h, n1), base_lin,
                            base_mask, base_lv, floor_r, keep, keep_all, top_a, n_a, best, tops, out, n_out,
                            st_mask, st_lvl, st_lin, st_val, st_pos, members, (sig[0], sig[1], sig[2], n_bits),
                            classes, work)
            thr_lo = _threshold(floor_r, best[r], keep, keep_all, tops[0], tops[3][0]) - 1e-9
            tops[3][0] = 0  # found again below
        # phase 2: every mentor that can still beat the threshold, producers grouped by the needs coverage
        # they start a team with, each group's newcomers valued by what they add to that coverage
        thr = max(thr_lo, floor_r)
        v0 = -np.inf
        for q in range(n_prod):
            if bound_p[q] > thr and start_p[q] > v0:
                v0 = start_p[q]
        cut_i = thr - v0 - max(h - 1, 0) * max(u_max, 0.0)
        n_f = _sorted(cand, u_c, n, cut_i, f_list, f_u, s_all, s_pos)
        n_g = _group_producers(r, prods, bound_p, own_p, n_prod, thr, levels, cols, k_n, pn, base_lv,
                               groups, group_of, tight_p, max_groups)
        n_out = _search_groups(r, n_g, max_groups, groups, group_of, prods, tight_p, cap_p, n_prod, f_list, n_f,
                               cut_i, thr_lo, a, m_words, levels, cols, k_n, pn, constant[r], w_meet, full, require,
                               lo_r, h, base_lin, base_mask, base_lv, floor_r, keep, keep_all, top_a, n_a, best, tops,
                               out, n_out, st_mask, st_lvl, st_lin, st_val, st_pos, members, p_list, p_bound, c_list,
                               c_u, s_all, s_pos, sig, classes, work)
        if n_out < 0:
            return best, upper, out[0], out[1], out[2], out[3], -1, work[0]
        upper[r] = max(floor_r, best[r])
        if not keep_all:
            for t in range(tops[3][0]):
                out[0][n_out], out[1][n_out], out[3][n_out] = r, tops[1][t], tops[0][t]
                out[2][n_out, :] = tops[2][t, :]
                n_out += 1
    return best, upper, out[0], out[1], out[2], out[3], n_out, work[0]
