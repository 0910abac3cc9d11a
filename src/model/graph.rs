//! Derived structure: reasons (linked premises) and the tree order from each thesis.
//!
//! Claim files state relations one claim at a time (`supports`, `opposes`, `with`,
//! `undercuts`); maps, reports and evaluation all need them grouped the way argument mapping
//! thinks of them: a *reason* is a group of co-premises for or against one conclusion, and an
//! undercut attacks the link of a reason, not a claim.

use super::Debate;
use serde::Serialize;

/// What a reason does to its conclusion, as argument mapping names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReasonRole {
    /// Gives the conclusion support (drawn green).
    Support,
    /// Says the conclusion is false (drawn red).
    Objection,
    /// An objection to a claim that is itself an objection (drawn orange).
    Rebuttal,
}

impl ReasonRole {
    /// Whether the reason speaks for its conclusion.
    pub fn is_support(self) -> bool {
        self == ReasonRole::Support
    }

    /// The lowercase name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonRole::Support => "support",
            ReasonRole::Objection => "objection",
            ReasonRole::Rebuttal => "rebuttal",
        }
    }
}

/// A group of premises that together speak for or against one conclusion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// Index of the claim the reason is about.
    pub conclusion: usize,
    /// Indices of the co-premises, in file order; one for a simple reason.
    pub premises: Vec<usize>,
    /// Support, objection or rebuttal.
    pub role: ReasonRole,
    /// Indices of claims that undercut this reason's link.
    pub undercutters: Vec<usize>,
}

pub(super) fn build_reasons(debate: &Debate) -> Vec<Reason> {
    // Keyed by (conclusion, polarity, premises) so that co-premises that each name the
    // others collapse into one reason, in a deterministic order.
    // A sorted, deduplicated vector rather than a B-tree: one sort of a million keys is
    // several times faster than a million inserts.
    let mut groups: Vec<(usize, bool, Vec<usize>)> = Vec::with_capacity(debate.claims.len());
    for (i, claim) in debate.claims.iter().enumerate() {
        let mut premises: Vec<usize> = std::iter::once(i)
            .chain(claim.with.iter().filter_map(|id| debate.index_of(id)))
            .collect();
        premises.sort_unstable();
        premises.dedup();
        for (targets, support) in [(&claim.supports, true), (&claim.opposes, false)] {
            // A target named twice is one reason: deduplicate before copying the premises,
            // or `supports: [t, t, ...]` with many co-premises would hold a copy per name.
            let mut targets: Vec<usize> = targets
                .iter()
                .filter_map(|id| debate.index_of(id))
                .filter(|&t| t != i)
                .collect();
            targets.sort_unstable();
            targets.dedup();
            for target in targets {
                groups.push((target, support, premises.clone()));
            }
        }
    }
    groups.sort_unstable();
    groups.dedup();
    let is_objection: Vec<bool> = debate
        .claims
        .iter()
        .map(|c| !c.opposes.is_empty())
        .collect();
    let mut reasons: Vec<Reason> = groups
        .into_iter()
        .map(|(conclusion, support, premises)| Reason {
            conclusion,
            role: if support {
                ReasonRole::Support
            } else if is_objection[conclusion] {
                ReasonRole::Rebuttal
            } else {
                ReasonRole::Objection
            },
            premises,
            undercutters: Vec::new(),
        })
        .collect();
    reasons.sort_by_key(|r| (r.conclusion, r.role, r.premises.first().copied()));
    // Which reasons each claim is a premise of, so that an undercut finds the links it
    // attacks without scanning every reason (quadratic on big debates).
    let mut premise_of: Vec<Vec<usize>> = vec![Vec::new(); debate.claims.len()];
    for (k, r) in reasons.iter().enumerate() {
        for &p in &r.premises {
            premise_of[p].push(k);
        }
    }
    for (u, claim) in debate.claims.iter().enumerate() {
        for target in claim.undercuts.iter().filter_map(|id| debate.index_of(id)) {
            for &k in &premise_of[target] {
                let reason = &mut reasons[k];
                if !reason.undercutters.contains(&u) {
                    reason.undercutters.push(u);
                }
            }
        }
    }
    reasons
}

/// How a claim hangs below its parent in the tree order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Link {
    /// A thesis, or a claim not connected to any thesis: a root.
    Root,
    /// A premise of the reason at this index in [`Debate::reasons`].
    Premise(usize),
    /// An undercutter of the reason at this index.
    Undercut(usize),
}

/// One line of the tree order: a claim, its depth below its root and how it got there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TreeEntry {
    /// Index of the claim.
    pub claim: usize,
    /// 0 for roots.
    pub depth: usize,
    /// How the claim relates to its parent.
    pub link: Link,
    /// The claim was already shown earlier in the tree; it is shown again without children.
    pub repeat: bool,
}

impl Debate {
    /// Reasons whose conclusion is `claim`, supports first, in a stable order.
    pub fn reasons_for(&self, claim: usize) -> impl Iterator<Item = (usize, &Reason)> {
        let start = self.reasons.partition_point(|r| r.conclusion < claim);
        self.reasons[start..]
            .iter()
            .take_while(move |r| r.conclusion == claim)
            .enumerate()
            .map(move |(k, r)| (start + k, r))
    }

    /// Every claim in the order a reader meets it: depth-first from each thesis (reasons, then
    /// the undercutters of each reason), then the claims that reach no thesis, each as a root.
    /// A claim reached twice is listed again with `repeat` set and no children.
    pub fn tree_order(&self) -> Vec<TreeEntry> {
        let mut seen = vec![false; self.claims.len()];
        let mut out = Vec::with_capacity(self.claims.len());
        let roots: Vec<usize> = self.theses().collect();
        for root in roots {
            self.walk(root, 0, Link::Root, &mut seen, &mut out);
        }
        for i in 0..self.claims.len() {
            if !seen[i] && self.is_top(i) {
                self.walk(i, 0, Link::Root, &mut seen, &mut out);
            }
        }
        for i in 0..self.claims.len() {
            if !seen[i] {
                self.walk(i, 0, Link::Root, &mut seen, &mut out);
            }
        }
        out
    }

    /// Whether a claim is the conclusion of some chain but supports, opposes and undercuts
    /// nothing itself (a good root for a disconnected part).
    fn is_top(&self, i: usize) -> bool {
        let c = &self.claims[i];
        c.supports.is_empty() && c.opposes.is_empty() && c.undercuts.is_empty()
    }

    fn walk(
        &self,
        claim: usize,
        depth: usize,
        link: Link,
        seen: &mut [bool],
        out: &mut Vec<TreeEntry>,
    ) {
        // An explicit stack: a 100,000-claim chain must not overflow the call stack.
        let mut stack = vec![(claim, depth, link)];
        while let Some((claim, depth, link)) = stack.pop() {
            let repeat = seen[claim];
            out.push(TreeEntry {
                claim,
                depth,
                link,
                repeat,
            });
            if repeat {
                continue;
            }
            seen[claim] = true;
            let mut children = Vec::new();
            for (ri, reason) in self.reasons_for(claim) {
                for &p in &reason.premises {
                    children.push((p, depth + 1, Link::Premise(ri)));
                }
                for &u in &reason.undercutters {
                    children.push((u, depth + 2, Link::Undercut(ri)));
                }
            }
            stack.extend(children.into_iter().rev());
        }
    }

    /// Whether each claim reaches a thesis by following supports, opposes, undercuts and
    /// co-premise links upward. Claims that do not are dangling: they argue about nothing the
    /// debate is about.
    pub fn connected_to_thesis(&self) -> Vec<bool> {
        let mut reached = vec![false; self.claims.len()];
        let mut stack: Vec<usize> = self.theses().collect();
        for &t in &stack {
            reached[t] = true;
        }
        while let Some(c) = stack.pop() {
            for (ri, reason) in self.reasons_for(c) {
                let _ = ri;
                for &p in reason.premises.iter().chain(&reason.undercutters) {
                    if !reached[p] {
                        reached[p] = true;
                        stack.push(p);
                    }
                }
            }
        }
        reached
    }
}

impl Debate {
    /// The claims within `depth` links of `center` (in any direction: reasons, objections,
    /// undercuts, co-premises), for drawing one region of a large map.
    pub fn neighbourhood(&self, center: usize, depth: usize) -> Vec<bool> {
        let n = self.claims.len();
        let mut adjacent: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut link = |a: usize, b: usize| {
            adjacent[a].push(b);
            adjacent[b].push(a);
        };
        for r in &self.reasons {
            for &p in &r.premises {
                link(p, r.conclusion);
                for &u in &r.undercutters {
                    link(u, p);
                    link(u, r.conclusion);
                }
            }
        }
        let mut dist = vec![usize::MAX; n];
        dist[center] = 0;
        let mut queue = std::collections::VecDeque::from([center]);
        while let Some(c) = queue.pop_front() {
            if dist[c] == depth {
                continue;
            }
            for &next in &adjacent[c] {
                if dist[next] == usize::MAX {
                    dist[next] = dist[c] + 1;
                    queue.push_back(next);
                }
            }
        }
        let mut shown: Vec<bool> = dist.into_iter().map(|d| d != usize::MAX).collect();
        // A linked reason is drawn whole: a co-premise alone would read as a simple reason.
        for r in &self.reasons {
            if shown[r.conclusion] && r.premises.iter().any(|&p| shown[p]) {
                for &p in &r.premises {
                    shown[p] = true;
                }
            }
        }
        shown
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Claim, Debate, Kind, Text};

    fn claim(
        id: &str,
        kind: Kind,
        supports: &[&str],
        opposes: &[&str],
        with: &[&str],
        undercuts: &[&str],
    ) -> Claim {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        Claim {
            supports: ids(supports),
            opposes: ids(opposes),
            undercuts: ids(undercuts),
            with: ids(with),
            ..Claim::new(id, kind, Text::single("en", id))
        }
    }

    fn sample() -> Debate {
        Debate::new(
            Text::default(),
            vec!["en".into()],
            vec![],
            vec![
                claim("t", Kind::Thesis, &[], &[], &[], &[]),
                claim("a", Kind::Claim, &["t"], &[], &["b"], &[]),
                claim("b", Kind::Claim, &["t"], &[], &["a"], &[]),
                claim("o", Kind::Claim, &[], &["t"], &[], &[]),
                claim("r", Kind::Claim, &[], &["o"], &[], &[]),
                claim("u", Kind::Claim, &[], &[], &[], &["a"]),
                claim("lonely", Kind::Claim, &[], &[], &[], &[]),
            ],
        )
    }

    #[test]
    fn a_target_named_many_times_is_one_reason() {
        let premises: Vec<String> = (0..50).map(|k| format!("p{k}")).collect();
        let with: Vec<&str> = premises.iter().map(String::as_str).collect();
        let mut claims = vec![claim("t", Kind::Thesis, &[], &[], &[], &[])];
        claims.push(claim("x", Kind::Claim, &["t"; 1000], &[], &with, &[]));
        claims.extend(
            with.iter()
                .map(|p| claim(p, Kind::Claim, &[], &[], &[], &[])),
        );
        let d = Debate::new(Text::default(), vec!["en".into()], vec![], claims);
        assert_eq!(d.reasons().len(), 1);
        assert_eq!(d.reasons()[0].premises.len(), 51);
    }

    #[test]
    fn co_premises_form_one_reason_and_roles_follow_polarity() {
        let d = sample();
        let roles: Vec<_> = d
            .reasons()
            .iter()
            .map(|r| (r.conclusion, r.premises.clone(), r.role.as_str()))
            .collect();
        assert_eq!(
            roles,
            vec![
                (0, vec![1, 2], "support"),
                (0, vec![3], "objection"),
                (3, vec![4], "rebuttal")
            ]
        );
        assert_eq!(d.reasons()[0].undercutters, vec![5]);
    }

    #[test]
    fn tree_order_visits_from_the_thesis_then_the_rest() {
        let d = sample();
        let order: Vec<(&str, usize, bool)> = d
            .tree_order()
            .iter()
            .map(|e| (d.claims[e.claim].id.as_str(), e.depth, e.repeat))
            .collect();
        assert_eq!(
            order,
            vec![
                ("t", 0, false),
                ("a", 1, false),
                ("b", 1, false),
                ("u", 2, false),
                ("o", 1, false),
                ("r", 2, false),
                ("lonely", 0, false)
            ]
        );
        assert_eq!(
            d.connected_to_thesis(),
            vec![true, true, true, true, true, true, false]
        );
    }

    #[test]
    fn neighbourhood_is_bounded_by_depth() {
        let d = sample();
        let near = d.neighbourhood(3, 1);
        assert_eq!(near, vec![true, false, false, true, true, false, false]);
    }
}
