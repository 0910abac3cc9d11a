//! Preferred and stable acceptance: which claims survive in some (credulous) or every
//! (sceptical) preferred or stable extension (Dung 1995).
//!
//! Both need search, NP-hard in general, so the search is bounded by a step budget and
//! answers [`Acceptance::TooLarge`] instead of hanging. Two facts keep it small in practice:
//! every complete labelling agrees with the grounded one on what the grounded labelling
//! decides, so only the undecided claims are searched; and undecided claims that do not
//! attack each other, even indirectly, are independent, so each weakly connected piece is
//! searched on its own and the answers combine.

use super::dung::{AttackGraph, Label};

/// Credulous and sceptical acceptance under one extension-based semantics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acceptance {
    /// The search finished.
    Decided {
        /// Number of extensions (saturating at `usize::MAX`).
        extensions: usize,
        /// Per claim: in at least one extension.
        credulous: Vec<bool>,
        /// Per claim: in every extension.
        sceptical: Vec<bool>,
    },
    /// Stable semantics only: the graph has no stable extension (e.g. an odd cycle of
    /// attacks), so nothing is sceptically accepted, not vacuously everything.
    NoExtension,
    /// The search gave up after this many steps.
    TooLarge {
        /// Steps taken before giving up.
        steps: u64,
    },
}

/// Acceptance under preferred semantics (maximal admissible sets).
pub fn preferred(graph: &AttackGraph, grounded: &[Label], budget: u64) -> Acceptance {
    accept(graph, grounded, budget, Want::Preferred)
}

/// Acceptance under stable semantics (conflict-free sets that attack everything outside).
pub fn stable(graph: &AttackGraph, grounded: &[Label], budget: u64) -> Acceptance {
    accept(graph, grounded, budget, Want::Stable)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    Preferred,
    Stable,
}

fn accept(graph: &AttackGraph, grounded: &[Label], budget: u64, want: Want) -> Acceptance {
    let n = graph.len();
    let mut credulous: Vec<bool> = grounded.iter().map(|&l| l == Label::In).collect();
    let mut sceptical = credulous.clone();
    let mut extensions: usize = 1;
    let mut steps = 0u64;
    for piece in undecided_pieces(graph, grounded) {
        let Some(labellings) = complete_labellings(graph, &piece, budget, &mut steps) else {
            return Acceptance::TooLarge { steps };
        };
        let chosen: Vec<Vec<bool>> = match want {
            Want::Stable => labellings
                .into_iter()
                .filter(|l| l.iter().all(|&x| x != Label::Undec))
                .map(|l| l.iter().map(|&x| x == Label::In).collect())
                .collect(),
            Want::Preferred => {
                let sets = labellings
                    .iter()
                    .map(|l| l.iter().map(|&x| x == Label::In).collect())
                    .collect();
                match maximal(sets, budget, &mut steps) {
                    Some(kept) => kept,
                    None => return Acceptance::TooLarge { steps },
                }
            }
        };
        if chosen.is_empty() {
            return Acceptance::NoExtension;
        }
        extensions = extensions.saturating_mul(chosen.len());
        for (k, &claim) in piece.iter().enumerate() {
            credulous[claim] = chosen.iter().any(|s| s[k]);
            sceptical[claim] = chosen.iter().all(|s| s[k]);
        }
    }
    debug_assert_eq!(credulous.len(), n);
    Acceptance::Decided {
        extensions,
        credulous,
        sceptical,
    }
}

/// The undecided claims, split into weakly connected pieces of the attacks among them,
/// each in breadth-first order (neighbours close together, so conflicts show early).
fn undecided_pieces(graph: &AttackGraph, grounded: &[Label]) -> Vec<Vec<usize>> {
    let undec = |i: usize| grounded[i] == Label::Undec;
    let mut seen = vec![false; graph.len()];
    let mut pieces = Vec::new();
    for start in (0..graph.len()).filter(|&i| undec(i)) {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut piece = vec![start];
        let mut k = 0;
        while k < piece.len() {
            let v = piece[k];
            k += 1;
            for &w in graph.attackers[v].iter().chain(&graph.attacks[v]) {
                if undec(w) && !seen[w] {
                    seen[w] = true;
                    piece.push(w);
                }
            }
        }
        pieces.push(piece);
    }
    pieces
}

/// Every complete labelling of one piece (attackers outside it are `out`), by backtracking
/// over in / out / undec with the labelling rules checked as soon as they can fail.
/// `None` when `steps` passes `budget`.
fn complete_labellings(
    graph: &AttackGraph,
    piece: &[usize],
    budget: u64,
    steps: &mut u64,
) -> Option<Vec<Vec<Label>>> {
    let m = piece.len();
    let mut local = std::collections::HashMap::with_capacity(m);
    for (k, &claim) in piece.iter().enumerate() {
        local.insert(claim, k);
    }
    let to_local = |list: &[usize]| -> Vec<usize> {
        list.iter().filter_map(|x| local.get(x).copied()).collect()
    };
    let attackers: Vec<Vec<usize>> = piece
        .iter()
        .map(|&c| to_local(&graph.attackers[c]))
        .collect();
    let attacks: Vec<Vec<usize>> = piece.iter().map(|&c| to_local(&graph.attacks[c])).collect();
    const OPTIONS: [Label; 3] = [Label::In, Label::Out, Label::Undec];
    let mut labels: Vec<Option<Label>> = vec![None; m];
    let mut next = vec![0usize; m];
    let mut found = Vec::new();
    let mut pos = 0;
    loop {
        if pos == m {
            found.push(labels.iter().map(|l| l.unwrap_or(Label::Undec)).collect());
            if m == 0 {
                break;
            }
            pos -= 1;
            labels[pos] = None;
            continue;
        }
        if next[pos] == OPTIONS.len() {
            next[pos] = 0;
            if pos == 0 {
                break;
            }
            pos -= 1;
            labels[pos] = None;
            continue;
        }
        *steps += 1;
        if *steps > budget {
            return None;
        }
        labels[pos] = Some(OPTIONS[next[pos]]);
        next[pos] += 1;
        let consistent = std::iter::once(pos)
            .chain(attackers[pos].iter().copied())
            .chain(attacks[pos].iter().copied())
            .all(|v| legal(v, &labels, &attackers));
        if consistent {
            pos += 1;
        } else {
            labels[pos] = None;
        }
    }
    Some(found)
}

/// Whether claim `v`'s label can still be right given the labels assigned so far.
fn legal(v: usize, labels: &[Option<Label>], attackers: &[Vec<usize>]) -> bool {
    let Some(label) = labels[v] else {
        return true;
    };
    let mut any_in = false;
    let mut all_out = true;
    let mut all_assigned = true;
    for &a in &attackers[v] {
        match labels[a] {
            Some(Label::In) => any_in = true,
            Some(Label::Out) => {}
            Some(Label::Undec) => all_out = false,
            None => {
                all_out = false;
                all_assigned = false;
            }
        }
    }
    match label {
        // In: every attacker out (an unassigned one may still become out).
        Label::In => {
            !any_in
                && attackers[v]
                    .iter()
                    .all(|&a| labels[a] != Some(Label::Undec))
        }
        // Out: some attacker in.
        Label::Out => any_in || !all_assigned,
        // Undec: no attacker in, and not every attacker out.
        Label::Undec => !(any_in || all_assigned && all_out),
    }
}

/// The sets not strictly contained in another, without repeats. `None` past the budget.
fn maximal(mut sets: Vec<Vec<bool>>, budget: u64, steps: &mut u64) -> Option<Vec<Vec<bool>>> {
    let size = |s: &Vec<bool>| s.iter().filter(|&&x| x).count();
    sets.sort_by_key(|s| std::cmp::Reverse(size(s)));
    sets.dedup();
    let mut kept: Vec<Vec<bool>> = Vec::new();
    for s in sets {
        *steps += kept.len() as u64 + 1;
        if *steps > budget {
            return None;
        }
        let inside = |k: &Vec<bool>| s.iter().zip(k).all(|(&a, &b)| !a || b);
        if !kept.iter().any(inside) {
            kept.push(s);
        }
    }
    Some(kept)
}

#[cfg(test)]
mod tests;
