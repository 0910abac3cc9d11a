//! Preferred and stable acceptance: which claims survive in some (credulous) or every
//! (sceptical) preferred or stable extension (Dung 1995).
//!
//! Both need search, NP-hard in general, so the search is bounded by a step budget and
//! answers [`Acceptance::TooLarge`] instead of hanging. Three things keep it small in
//! practice:
//! - every complete labelling agrees with the grounded one on what the grounded labelling
//!   decides, so only the undecided claims are searched;
//! - undecided claims that do not attack each other, even indirectly, are independent, so
//!   each weakly connected piece is searched on its own and the answers combine;
//! - within a piece, the search is a labelling-based backtracking in the style of Nofal,
//!   Atkinson and Dunne, "Algorithms for decision problems in argument systems under
//!   preferred semantics" (Artificial Intelligence 207, 2014): each chosen claim is tried
//!   `in` first, then excluded, and every choice is propagated at once (what it attacks is
//!   `out`; what attacks it must be defeated later; a claim that must be defeated and has a
//!   single possible defeater left forces that defeater `in`; a defended claim is forced
//!   `in`, since preferred extensions are complete). For preferred semantics, branches that
//!   can only reach a subset of an extension already found are cut, so each preferred
//!   extension is found exactly once and no mere admissible subset is kept. (Since `in` is
//!   tried first, an extension found later never contains one found earlier: they part
//!   where the earlier took a claim `in` that the later excluded.)
//!
//! Steps count work, not choices: a label change costs one plus the number of claims it
//! attacks, a propagation check one (plus the attackers scanned), and each extension
//! already found adds one per 64 when a claim leaves the reachable set. So the budget
//! bounds the running time (2,000,000 steps take roughly 5 to 50 ms in a release build).

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    Preferred,
    Stable,
}

/// The step budget ran out.
struct Exhausted;

fn accept(graph: &AttackGraph, grounded: &[Label], budget: u64, want: Want) -> Acceptance {
    let mut credulous: Vec<bool> = grounded.iter().map(|&l| l == Label::In).collect();
    let mut sceptical = credulous.clone();
    let mut extensions: usize = 1;
    let mut steps = 0u64;
    for piece in undecided_pieces(graph, grounded) {
        let local = Piece::new(graph, &piece);
        let mut search = Search::new(&local, want, budget, &mut steps);
        if search.run().is_err() {
            return Acceptance::TooLarge { steps };
        }
        let found = search.found;
        if found.count == 0 {
            // Every graph has a preferred extension; only stable semantics can lack one.
            debug_assert_eq!(want, Want::Stable);
            return Acceptance::NoExtension;
        }
        extensions = extensions.saturating_mul(found.count);
        for (k, &claim) in piece.iter().enumerate() {
            credulous[claim] = found.credulous[k];
            sceptical[claim] = found.sceptical[k];
        }
    }
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

/// One piece's attacks in local numbering. Attacks from outside the piece come from claims
/// the grounded labelling makes `out`, which are `out` in every complete labelling, so they
/// are dropped; attacks on claims outside the piece do not matter to it either.
struct Piece {
    attackers: Vec<Vec<usize>>,
    attacks: Vec<Vec<usize>>,
}

impl Piece {
    fn new(graph: &AttackGraph, piece: &[usize]) -> Piece {
        let local: std::collections::HashMap<usize, usize> =
            piece.iter().enumerate().map(|(k, &c)| (c, k)).collect();
        let to_local = |list: &[usize]| -> Vec<usize> {
            list.iter().filter_map(|x| local.get(x).copied()).collect()
        };
        Piece {
            attackers: piece
                .iter()
                .map(|&c| to_local(&graph.attackers[c]))
                .collect(),
            attacks: piece.iter().map(|&c| to_local(&graph.attacks[c])).collect(),
        }
    }

    fn len(&self) -> usize {
        self.attackers.len()
    }
}

/// A claim's state during the search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Not decided yet.
    Blank,
    /// In the extension being built.
    In,
    /// Attacked by an `In` claim.
    Out,
    /// Attacks an `In` claim, so some later `In` claim must attack it.
    MustOut,
    /// Chosen to stay outside the extension. Under stable semantics it must then be
    /// attacked by an `In` claim, like `MustOut`.
    Undec,
}

/// The extensions found in one piece, in local numbering.
struct Found {
    count: usize,
    credulous: Vec<bool>,
    sceptical: Vec<bool>,
}

/// Backtracking over one piece, with an undo trail instead of copies of the state.
struct Search<'a> {
    piece: &'a Piece,
    want: Want,
    budget: u64,
    steps: &'a mut u64,
    mark: Vec<Mark>,
    /// Per claim: how many of its attackers are `Blank`.
    blank_attackers: Vec<usize>,
    /// Per claim: how many of its attackers are `Out`.
    out_attackers: Vec<usize>,
    /// `(claim, previous mark)` for every change, to undo on backtracking.
    trail: Vec<(usize, Mark)>,
    /// Claims whose propagation rules must be checked again.
    queue: Vec<usize>,
    found: Found,
    /// Preferred only: per claim, a bit set over the extensions found so far, with bit `f`
    /// set when extension `f` does not contain the claim.
    outside: Vec<Vec<u64>>,
    /// Preferred only: per extension found, how many `In` or `Blank` claims it misses.
    /// At zero, everything this branch can still reach lies inside that extension.
    missing: Vec<usize>,
    /// Preferred only: how many entries of `missing` are zero.
    covered: usize,
}

/// One open choice: the trail length before it and the claim chosen.
struct Decision {
    trail: usize,
    claim: usize,
    /// Whether the claim was tried `In` and may still be excluded.
    untried_exclusion: bool,
}

impl<'a> Search<'a> {
    fn new(piece: &'a Piece, want: Want, budget: u64, steps: &'a mut u64) -> Search<'a> {
        let m = piece.len();
        Search {
            piece,
            want,
            budget,
            steps,
            mark: vec![Mark::Blank; m],
            blank_attackers: piece.attackers.iter().map(Vec::len).collect(),
            out_attackers: vec![0; m],
            trail: Vec::new(),
            queue: Vec::new(),
            found: Found {
                count: 0,
                credulous: vec![false; m],
                sceptical: vec![true; m],
            },
            outside: vec![Vec::new(); m],
            missing: Vec::new(),
            covered: 0,
        }
    }

    fn tick(&mut self, n: usize) -> Result<(), Exhausted> {
        *self.steps = self.steps.saturating_add(n as u64);
        if *self.steps > self.budget {
            Err(Exhausted)
        } else {
            Ok(())
        }
    }

    /// Depth-first search over the piece, recording every extension in `found`.
    fn run(&mut self) -> Result<(), Exhausted> {
        let m = self.piece.len();
        // A claim that attacks itself can never be in a conflict-free set.
        for v in 0..m {
            if self.piece.attackers[v].contains(&v) {
                self.set(v, Mark::Undec);
            }
        }
        self.queue.extend(0..m);
        let mut decisions: Vec<Decision> = Vec::new();
        let mut cursor = 0;
        let mut ok = self.propagate()?;
        loop {
            if ok && self.covered == 0 {
                // Choices go in index (breadth-first) order: before `cursor`, nothing is
                // blank, and deeper in the search nothing becomes blank again.
                let start = cursor;
                while cursor < m && self.mark[cursor] != Mark::Blank {
                    cursor += 1;
                }
                self.tick(1 + cursor - start)?;
                if cursor < m {
                    decisions.push(Decision {
                        trail: self.trail.len(),
                        claim: cursor,
                        untried_exclusion: true,
                    });
                    ok = self.make_in(cursor) && self.propagate()?;
                    continue;
                }
                self.record()?;
            }
            // Backtrack to the latest choice with an untried alternative.
            loop {
                let Some(d) = decisions.last_mut() else {
                    return Ok(());
                };
                let (trail, claim) = (d.trail, d.claim);
                cursor = claim;
                if d.untried_exclusion {
                    d.untried_exclusion = false;
                    self.undo_to(trail);
                    self.set(claim, Mark::Undec);
                    ok = self.propagate()?;
                    break;
                }
                decisions.pop();
            }
        }
    }

    /// Changes one mark, keeping the counters, the trail and the preferred bookkeeping.
    fn set(&mut self, v: usize, new: Mark) {
        let old = self.mark[v];
        if old == new {
            return;
        }
        self.trail.push((v, old));
        self.mark[v] = new;
        self.recount(v, old, new);
    }

    fn undo_to(&mut self, len: usize) {
        while self.trail.len() > len {
            let (v, old) = self.trail.pop().expect("trail longer than len");
            let current = self.mark[v];
            self.mark[v] = old;
            self.recount(v, current, old);
        }
        self.queue.clear();
    }

    /// Updates what depends on `v`'s mark after it went from `old` to `new`.
    fn recount(&mut self, v: usize, old: Mark, new: Mark) {
        let piece = self.piece;
        for &w in &piece.attacks[v] {
            if old == Mark::Blank {
                self.blank_attackers[w] -= 1;
            }
            if new == Mark::Blank {
                self.blank_attackers[w] += 1;
            }
            if old == Mark::Out {
                self.out_attackers[w] -= 1;
            }
            if new == Mark::Out {
                self.out_attackers[w] += 1;
            }
        }
        *self.steps = self.steps.saturating_add(1 + piece.attacks[v].len() as u64);
        if new != Mark::Blank {
            self.queue.push(v);
            self.queue.extend_from_slice(&piece.attacks[v]);
        }
        // `v` leaves or re-enters what the branch can still put in: update how much of
        // it each extension found so far misses.
        let reachable = |m: Mark| matches!(m, Mark::Blank | Mark::In);
        if reachable(old) == reachable(new) || self.missing.is_empty() {
            return;
        }
        let entering = reachable(new);
        *self.steps = self.steps.saturating_add(self.outside[v].len() as u64);
        for (word_index, &word) in self.outside[v].iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let f = word_index * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if entering {
                    if self.missing[f] == 0 {
                        self.covered -= 1;
                    }
                    self.missing[f] += 1;
                } else {
                    self.missing[f] -= 1;
                    if self.missing[f] == 0 {
                        self.covered += 1;
                    }
                }
            }
        }
    }

    /// Puts `v` in: what it attacks goes out, what attacks it must go out later.
    /// False on a conflict.
    fn make_in(&mut self, v: usize) -> bool {
        match self.mark[v] {
            Mark::In => return true,
            Mark::Blank => {}
            _ => return false,
        }
        self.set(v, Mark::In);
        let piece = self.piece;
        for &y in &piece.attacks[v] {
            match self.mark[y] {
                Mark::In => return false,
                Mark::Out => {}
                _ => self.set(y, Mark::Out),
            }
        }
        for &z in &piece.attackers[v] {
            match self.mark[z] {
                Mark::In => return false,
                Mark::Out | Mark::MustOut => {}
                Mark::Blank | Mark::Undec => self.set(z, Mark::MustOut),
            }
        }
        true
    }

    /// Applies the forcing rules until nothing changes. False on a conflict: no extension
    /// (or, for preferred, no extension not found already) lies below this branch.
    fn propagate(&mut self) -> Result<bool, Exhausted> {
        let piece = self.piece;
        while let Some(v) = self.queue.pop() {
            self.tick(1)?;
            let all_out = self.out_attackers[v] == piece.attackers[v].len();
            let must_be_attacked = match self.mark[v] {
                Mark::MustOut => true,
                Mark::Undec => self.want == Want::Stable,
                _ => false,
            };
            if must_be_attacked {
                // Only a blank attacker can still come in and defeat it.
                match self.blank_attackers[v] {
                    0 => return Ok(false),
                    1 => {
                        self.tick(piece.attackers[v].len())?;
                        let w = piece.attackers[v]
                            .iter()
                            .copied()
                            .find(|&w| self.mark[w] == Mark::Blank)
                            .expect("counted one blank attacker");
                        if !self.make_in(w) {
                            return Ok(false);
                        }
                    }
                    _ => {}
                }
            } else if self.mark[v] == Mark::Blank {
                let forced = match self.want {
                    // Defended by the `In` claims: in every complete extension above them.
                    Want::Preferred => all_out,
                    // Nothing left that could attack it: a stable extension must take it.
                    Want::Stable => self.blank_attackers[v] == 0,
                };
                if forced && !self.make_in(v) {
                    return Ok(false);
                }
            } else if self.mark[v] == Mark::Undec && all_out {
                // Preferred: excluded although defended, so no complete extension here.
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// A leaf: every claim decided, and the rules hold, so the `In` claims form an
    /// extension of the piece.
    fn record(&mut self) -> Result<(), Exhausted> {
        let m = self.piece.len();
        self.tick(m)?;
        debug_assert!(self.leaf_is_extension());
        let found = &mut self.found;
        found.count = found.count.saturating_add(1);
        for v in 0..m {
            let inside = self.mark[v] == Mark::In;
            found.credulous[v] |= inside;
            found.sceptical[v] &= inside;
        }
        if self.want == Want::Preferred {
            // Later branches must not settle for a subset of this extension.
            let f = self.missing.len();
            for v in 0..m {
                if f.is_multiple_of(64) {
                    self.outside[v].push(0);
                }
                if self.mark[v] != Mark::In {
                    self.outside[v][f / 64] |= 1 << (f % 64);
                }
            }
            self.missing.push(0);
            self.covered += 1;
        }
        Ok(())
    }

    /// Debug check of a leaf against the definitions: conflict-free, and every attacker of
    /// an `In` claim attacked by one (preferred), or everything outside attacked (stable).
    fn leaf_is_extension(&self) -> bool {
        let piece = self.piece;
        let is_in = |v: usize| self.mark[v] == Mark::In;
        let attacked = |v: usize| piece.attackers[v].iter().any(|&a| is_in(a));
        (0..piece.len()).all(|v| {
            if is_in(v) {
                !attacked(v) && piece.attackers[v].iter().all(|&a| attacked(a))
            } else {
                self.want == Want::Preferred || attacked(v)
            }
        })
    }
}

#[cfg(test)]
mod tests;
