//! Big maps that stay readable: above a number of claims, draw the tree from each thesis
//! down to the deepest level that fits, and replace what lies below by one summary node per
//! claim ("+212 claims: 140 for, 72 against"). Graphviz takes minutes on tens of thousands
//! of boxes and the result cannot be read anyway.

use crate::model::{Debate, Link};

/// Default of `--max-claims`.
pub const DEFAULT_MAX_CLAIMS: usize = 1_500;

/// What a collapsed map shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Collapsed {
    /// Per claim: drawn.
    pub visible: Vec<bool>,
    /// The deepest level drawn (0 is the thesis).
    pub depth: usize,
    /// Claims whose descendants are hidden: `(claim, hidden claims, for, against)`, where
    /// "for" counts hidden supports and "against" hidden objections, rebuttals and undercuts.
    pub summaries: Vec<(usize, usize, usize, usize)>,
}

/// Collapses `debate` when it has more than `max` claims; `None` when it fits.
pub fn collapse(debate: &Debate, max: usize) -> Option<Collapsed> {
    let n = debate.claims.len();
    if n <= max {
        return None;
    }
    let order: Vec<_> = debate
        .tree_order()
        .into_iter()
        .filter(|e| !e.repeat)
        .collect();
    let deepest = order.iter().map(|e| e.depth).max().unwrap_or(0);
    let mut per_depth = vec![0usize; deepest + 1];
    for e in &order {
        per_depth[e.depth] += 1;
    }
    // The deepest level whose claims, with all above them, still fit (at least the theses).
    let mut depth = 0;
    let mut total = per_depth[0];
    while depth < deepest && total + per_depth[depth + 1] <= max {
        depth += 1;
        total += per_depth[depth];
    }
    let mut visible = vec![false; n];
    for e in order.iter().filter(|e| e.depth <= depth) {
        visible[e.claim] = true;
    }
    let mut summaries = Vec::new();
    let mut k = 0;
    while k < order.len() {
        let e = &order[k];
        if e.depth == depth {
            let (mut hidden, mut pro, mut con) = (0, 0, 0);
            let mut j = k + 1;
            while j < order.len() && order[j].depth > depth {
                hidden += 1;
                match order[j].link {
                    Link::Premise(ri) if debate.reasons()[ri].role.is_support() => pro += 1,
                    _ => con += 1,
                }
                j += 1;
            }
            if hidden > 0 {
                summaries.push((e.claim, hidden, pro, con));
            }
            k = j;
        } else {
            k += 1;
        }
    }
    Some(Collapsed {
        visible,
        depth,
        summaries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::{Shape, Spec, generate};

    #[test]
    fn big_debates_collapse_to_at_most_the_limit_and_count_what_is_hidden() {
        let d = generate(&Spec {
            claims: 5_000,
            seed: 9,
            shape: Shape::Tree,
        });
        let c = collapse(&d, 1_500).expect("5,000 claims do not fit");
        let shown = c.visible.iter().filter(|&&v| v).count();
        assert!(shown <= 1_500 && shown > 100, "{shown}");
        let hidden: usize = c.summaries.iter().map(|s| s.1).sum();
        let reached = d.tree_order().iter().filter(|e| !e.repeat).count();
        assert_eq!(shown + hidden, reached, "every claim is drawn or counted");
        for &(_, h, pro, con) in &c.summaries {
            assert_eq!(h, pro + con);
        }
        assert!(collapse(&d, 10_000).is_none());
    }

    #[test]
    fn a_chain_keeps_its_top() {
        let d = generate(&Spec {
            claims: 3_000,
            seed: 1,
            shape: Shape::Chain,
        });
        let c = collapse(&d, 100).unwrap();
        assert_eq!(c.depth, 99);
        assert_eq!(c.summaries, vec![(99, 2_900, 2_900, 0)]);
    }
}
