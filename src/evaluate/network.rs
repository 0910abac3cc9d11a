//! The debate as DF-QuAD sees it: who each claim's strength depends on, grouped into
//! strongly connected components in evaluation order.
//!
//! Supports cannot form cycles (validation forbids them) but objections and undercuts can.
//! Components with no cycle are computed exactly in one pass; only cyclic components need
//! iteration. Both the full evaluation and the removal of one claim (impact) walk this order.

use crate::model::{Debate, Reason};

/// A claim's base score when its `confidence` is absent.
pub const DEFAULT_BASE: f64 = 0.5;

/// The dependency structure of a debate for gradual evaluation.
#[derive(Debug)]
pub struct Network<'d> {
    /// The debate evaluated.
    pub debate: &'d Debate,
    /// `dependents[p]`: claims whose strength reads `p`'s (as a premise or undercutter of one
    /// of their reasons), sorted, without repeats.
    pub dependents: Vec<Vec<usize>>,
    /// Strongly connected components, each before every component that depends on it.
    pub components: Vec<Vec<usize>>,
    /// For each claim, the position of its component in `components`.
    pub component_of: Vec<usize>,
    /// For each component, whether it contains a cycle (and so needs iteration).
    pub cyclic: Vec<bool>,
    bases: Vec<f64>,
    /// Per claim, the factor its reviews put on every reason it is a premise of (1 without
    /// reviews, or when reviews do not feed the evaluation).
    link_factors: Vec<f64>,
}

impl<'d> Network<'d> {
    /// Builds the network: dependency lists and components (Tarjan's algorithm, iterative
    /// so that a 100,000-claim chain cannot overflow the stack).
    pub fn new(debate: &'d Debate) -> Network<'d> {
        let n = debate.claims.len();
        let mut deps: Vec<Vec<usize>> = vec![Vec::new(); n];
        for r in debate.reasons() {
            deps[r.conclusion].extend(r.premises.iter().chain(&r.undercutters));
        }
        let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, list) in deps.iter_mut().enumerate() {
            list.sort_unstable();
            list.dedup();
            for &p in list.iter() {
                dependents[p].push(i);
            }
        }
        let (components, component_of) = tarjan(&deps);
        let cyclic = components
            .iter()
            .map(|c| c.len() > 1 || deps[c[0]].contains(&c[0]))
            .collect();
        let mut bases: Vec<f64> = debate
            .claims
            .iter()
            .map(|c| c.confidence.map_or(DEFAULT_BASE, |x| x.clamp(0.0, 1.0)))
            .collect();
        let mut link_factors = vec![1.0; n];
        if debate.settings.reviews {
            super::reviews::apply(debate, &mut bases, &mut link_factors);
        }
        Network {
            debate,
            dependents,
            components,
            component_of,
            cyclic,
            bases,
            link_factors,
        }
    }

    /// Number of claims.
    pub fn len(&self) -> usize {
        self.bases.len()
    }

    /// Whether the debate has no claims.
    pub fn is_empty(&self) -> bool {
        self.bases.is_empty()
    }

    /// A claim's base score.
    pub fn base(&self, claim: usize) -> f64 {
        self.bases[claim]
    }

    /// The weight a reason lends its conclusion: the product of its premises' strengths,
    /// times `1 − strength` for each undercutter. `None` when `removed` is one of its
    /// premises: a linked reason missing a premise no longer stands.
    pub fn reason_weight(&self, r: &Reason, s: &[f64], removed: Option<usize>) -> Option<f64> {
        // Premises are sorted: answering this first keeps the impact of each of 100,000
        // co-premises from multiplying out the other 99,999 (quadratic: 13 s).
        if removed.is_some_and(|x| r.premises.binary_search(&x).is_ok()) {
            return None;
        }
        let mut w = 1.0;
        for &p in &r.premises {
            if Some(p) == removed {
                return None;
            }
            w *= s[p] * self.link_factors[p];
        }
        for &u in &r.undercutters {
            if Some(u) != removed {
                w *= 1.0 - s[u];
            }
        }
        Some(w)
    }

    /// The aggregated strength of the arguments against and for a claim: `(va, vs)`, each
    /// `1 − Π(1 − weight)` over its reasons of that polarity.
    pub fn aggregates(&self, claim: usize, s: &[f64], removed: Option<usize>) -> (f64, f64) {
        let (mut against, mut for_) = (1.0, 1.0);
        for (_, r) in self.debate.reasons_for(claim) {
            if let Some(w) = self.reason_weight(r, s, removed) {
                if r.role.is_support() {
                    for_ *= 1.0 - w;
                } else {
                    against *= 1.0 - w;
                }
            }
        }
        (1.0 - against, 1.0 - for_)
    }

    /// A claim's strength given the current strengths of what it depends on.
    pub fn update(&self, claim: usize, s: &[f64], removed: Option<usize>) -> f64 {
        let (va, vs) = self.aggregates(claim, s, removed);
        combine(self.bases[claim], va, vs)
    }
}

/// DF-QuAD's combination function `C(v0, va, vs)`: attackers pull the base score towards 0
/// and supporters towards 1, in proportion to how far each side outweighs the other.
pub fn combine(v0: f64, va: f64, vs: f64) -> f64 {
    let v = if va >= vs {
        v0 - v0 * (va - vs)
    } else {
        v0 + (1.0 - v0) * (vs - va)
    };
    v.clamp(0.0, 1.0)
}

/// DF-QuAD's aggregation `F(v1..vn) = 1 − Π(1 − vi)`, 0 for no arguments.
pub fn aggregate(values: impl IntoIterator<Item = f64>) -> f64 {
    1.0 - values.into_iter().fold(1.0, |p, v| p * (1.0 - v))
}

/// Strongly connected components of `edges` (claim → what it depends on), in an order
/// where every component comes after the components it depends on.
pub(crate) fn tarjan(edges: &[Vec<usize>]) -> (Vec<Vec<usize>>, Vec<usize>) {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut component_of = vec![0; n];
    let mut components = Vec::new();
    let mut next = 0;
    // Each frame is (node, position of the next edge to follow).
    let mut frames: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        frames.push((root, 0));
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut e)) = frames.last_mut() {
            if let Some(&w) = edges[v].get(*e) {
                *e += 1;
                if index[w] == UNSEEN {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    frames.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                loop {
                    let w = stack.pop().expect("v is on the stack");
                    on_stack[w] = false;
                    component_of[w] = components.len();
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                component.sort_unstable();
                components.push(component);
            }
        }
    }
    (components, component_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_come_after_their_dependencies() {
        // 0 depends on 1; 1 and 2 depend on each other; 2 depends on 3.
        let edges = vec![vec![1], vec![2], vec![1, 3], vec![]];
        let (components, of) = tarjan(&edges);
        assert_eq!(components, vec![vec![3], vec![1, 2], vec![0]]);
        assert_eq!(of, vec![2, 1, 1, 0]);
    }

    #[test]
    fn a_long_chain_does_not_overflow() {
        let n = 200_000;
        let edges: Vec<Vec<usize>> = (0..n)
            .map(|i| if i + 1 < n { vec![i + 1] } else { vec![] })
            .collect();
        let (components, _) = tarjan(&edges);
        assert_eq!(components.len(), n);
        assert_eq!(components[0], vec![n - 1]);
    }

    #[test]
    fn combine_follows_the_dfquad_definition() {
        assert_eq!(combine(0.5, 0.0, 0.0), 0.5);
        assert!((combine(0.5, 0.8, 0.2) - 0.2).abs() < 1e-12); // 0.5 − 0.5·0.6
        assert!((combine(0.5, 0.2, 0.8) - 0.8).abs() < 1e-12); // 0.5 + 0.5·0.6
        assert!((aggregate([0.5, 0.5]) - 0.75).abs() < 1e-12);
        assert_eq!(aggregate([]), 0.0);
    }
}
