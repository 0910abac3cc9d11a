//! Dung's abstract argumentation over the debate's attacks: the grounded labelling.
//!
//! Dung semantics ignore support and weights; they answer a different question from the
//! gradual strengths: which claims survive when every attack that is not itself defeated
//! succeeds. A claim `opposes` another to attack it; an undercut attacks the claim whose
//! link it cuts (the supporter), as the evaluation issue specifies.

use crate::model::Debate;
use serde::Serialize;

/// Who attacks whom, by claim index. Built once and shared by the grounded labelling, the
/// preferred and stable search, and the ICCMA export, so that all three agree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttackGraph {
    /// `attackers[b]`: the claims that attack `b`, sorted, without repeats.
    pub attackers: Vec<Vec<usize>>,
    /// `attacks[a]`: the claims `a` attacks, sorted, without repeats.
    pub attacks: Vec<Vec<usize>>,
}

impl AttackGraph {
    /// The attacks stated in a debate: `opposes`, and `undercuts` of a claim that is a
    /// premise of some reason. An undercut of a claim with no link (one that supports and
    /// opposes nothing, such as another undercut) cuts nothing, so it attacks nothing here
    /// either: validation warns `undercut-without-link` and it has no effect.
    pub fn from_debate(debate: &Debate) -> AttackGraph {
        let mut has_link = vec![false; debate.claims.len()];
        for r in debate.reasons() {
            for &p in &r.premises {
                has_link[p] = true;
            }
        }
        let edges = debate.claims.iter().enumerate().flat_map(|(a, c)| {
            let opposed = c.opposes.iter().filter_map(|id| debate.index_of(id));
            let undercut = c
                .undercuts
                .iter()
                .filter_map(|id| debate.index_of(id))
                .filter(|&b| has_link[b]);
            opposed.chain(undercut).map(move |b| (a, b))
        });
        AttackGraph::from_edges(debate.claims.len(), edges)
    }

    /// A graph of `n` arguments from `(attacker, attacked)` pairs (tests, importers).
    pub fn from_edges(n: usize, edges: impl IntoIterator<Item = (usize, usize)>) -> AttackGraph {
        let mut attackers = vec![Vec::new(); n];
        let mut attacks = vec![Vec::new(); n];
        for (a, b) in edges {
            attackers[b].push(a);
            attacks[a].push(b);
        }
        for list in attackers.iter_mut().chain(attacks.iter_mut()) {
            list.sort_unstable();
            list.dedup();
        }
        AttackGraph { attackers, attacks }
    }

    /// Number of arguments.
    pub fn len(&self) -> usize {
        self.attackers.len()
    }

    /// Whether there are no arguments.
    pub fn is_empty(&self) -> bool {
        self.attackers.is_empty()
    }

    /// Number of attacks.
    pub fn attack_count(&self) -> usize {
        self.attacks.iter().map(Vec::len).sum()
    }
}

/// A claim's status in a labelling: accepted, rejected, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// Every attacker is out: the claim survives.
    In,
    /// Some attacker is in: the claim is defeated.
    Out,
    /// Neither can be settled (the claim sits in an unresolved cycle of attacks).
    Undec,
}

impl Label {
    /// The lowercase name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::In => "in",
            Label::Out => "out",
            Label::Undec => "undec",
        }
    }
}

/// The grounded labelling: the most sceptical complete labelling, unique for every graph.
///
/// One pass with a counter of not-yet-defeated attackers per argument: an argument whose
/// counter reaches zero is `in`, everything it attacks is `out`, and each `out` decrements
/// the counters of what it attacks. Linear in arguments plus attacks.
pub fn grounded(graph: &AttackGraph) -> Vec<Label> {
    let n = graph.len();
    let mut label: Vec<Option<Label>> = vec![None; n];
    let mut live: Vec<usize> = graph.attackers.iter().map(Vec::len).collect();
    let mut queue: Vec<usize> = (0..n).filter(|&i| live[i] == 0).collect();
    while let Some(a) = queue.pop() {
        if label[a].is_some() {
            continue;
        }
        label[a] = Some(Label::In);
        for &b in &graph.attacks[a] {
            if label[b].is_some() {
                continue;
            }
            label[b] = Some(Label::Out);
            for &c in &graph.attacks[b] {
                live[c] -= 1;
                if live[c] == 0 && label[c].is_none() {
                    queue.push(c);
                }
            }
        }
    }
    label
        .into_iter()
        .map(|l| l.unwrap_or(Label::Undec))
        .collect()
}

/// For a claim labelled `out`, the attackers labelled `in`: what defeats it.
pub fn defeaters(graph: &AttackGraph, labels: &[Label], claim: usize) -> Vec<usize> {
    graph.attackers[claim]
        .iter()
        .copied()
        .filter(|&a| labels[a] == Label::In)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(n: usize, edges: &[(usize, usize)]) -> String {
        let g = AttackGraph::from_edges(n, edges.iter().copied());
        grounded(&g)
            .iter()
            .map(|l| match l {
                Label::In => 'I',
                Label::Out => 'O',
                Label::Undec => 'U',
            })
            .collect()
    }

    /// Dung (1995), "On the acceptability of arguments and its fundamental role in
    /// nonmonotonic reasoning, logic programming and n-person games", Artificial Intelligence
    /// 77: the reinstatement chain a → b → c has grounded extension {a, c}.
    #[test]
    fn dung_reinstatement_chain() {
        assert_eq!(labels(3, &[(0, 1), (1, 2)]), "IOI");
    }

    /// Dung (1995), the Nixon diamond (section 2): two arguments attacking each other stay
    /// undecided in the grounded extension, which is empty.
    #[test]
    fn dung_nixon_diamond_is_undecided() {
        assert_eq!(labels(2, &[(0, 1), (1, 0)]), "UU");
    }

    /// Hand-computed: a ↔ b, b → c, c → d. No argument is unattacked, so the grounded
    /// labelling settles nothing and everything downstream of the cycle is undec.
    #[test]
    fn mutual_attack_leaves_its_consequences_undecided() {
        assert_eq!(labels(4, &[(0, 1), (1, 0), (1, 2), (2, 3)]), "UUUU");
    }

    /// Hand-computed: an unattacked argument defeats one side of a mutual attack, which
    /// reinstates the other side and so defeats what that side attacks.
    #[test]
    fn an_unattacked_argument_settles_a_cycle() {
        // e → a, a ↔ b, b → c
        assert_eq!(labels(4, &[(3, 0), (0, 1), (1, 0), (1, 2)]), "OIOI");
    }

    #[test]
    fn odd_cycle_and_self_attack_are_undecided() {
        assert_eq!(labels(3, &[(0, 1), (1, 2), (2, 0)]), "UUU");
        assert_eq!(labels(2, &[(0, 0), (0, 1)]), "UU");
    }

    #[test]
    fn defeaters_name_the_in_attackers() {
        let g = AttackGraph::from_edges(4, [(0, 2), (1, 2), (3, 1)]);
        let l = grounded(&g);
        assert_eq!(l[2], Label::Out);
        assert_eq!(defeaters(&g, &l, 2), vec![0]);
    }

    #[test]
    fn long_chain_is_linear_and_alternates() {
        let n = 100_001;
        let g = AttackGraph::from_edges(n, (0..n - 1).map(|i| (i, i + 1)));
        let l = grounded(&g);
        assert!(
            l.iter()
                .enumerate()
                .all(|(i, &x)| x == if i % 2 == 0 { Label::In } else { Label::Out })
        );
    }
}
