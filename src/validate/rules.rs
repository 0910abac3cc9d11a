//! Checks across claims: unique ids, references that resolve, no cycle of supports (nor one
//! closed through a co-premise).

use super::claims::RawClaim;
use super::fields::At;
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use std::collections::HashMap;

/// Reports duplicate ids (naming both places) and returns, for each raw claim, whether it is
/// the first with its id (later duplicates are left out of the model).
pub fn unique_ids(raws: &[RawClaim], diags: &mut Diagnostics) -> Vec<bool> {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(raws.len());
    raws.iter()
        .enumerate()
        .map(|(i, c)| match first.get(c.id.value.as_str()) {
            Some(&j) => {
                let f = &raws[j];
                diags.push(
                    Diagnostic::error(
                        "duplicate-id",
                        format!("the id `{}` is used more than once", c.id.value),
                    )
                    .at(&c.file, c.id.pos)
                    .label("defined again here")
                    .related(&f.file, f.id.pos, "first defined here")
                    .help("ids must be unique in the debate: rename one of them"),
                );
                false
            }
            None => {
                first.insert(&c.id.value, i);
                true
            }
        })
        .collect()
}

/// Reports references to unknown ids (with the closest known id) and claims that refer to
/// themselves.
pub fn references(raws: &[RawClaim], index: &HashMap<&str, usize>, diags: &mut Diagnostics) {
    for c in raws {
        let lists: [(&str, &[At<String>]); 4] = [
            ("supports", &c.supports),
            ("opposes", &c.opposes),
            ("undercuts", &c.undercuts),
            ("with", &c.with),
        ];
        for (key, refs) in lists {
            for r in refs {
                if r.value == c.id.value {
                    let what = match key {
                        "supports" => "supports itself",
                        "opposes" => "opposes itself",
                        "undercuts" => "undercuts itself",
                        _ => "lists itself as its own co-premise",
                    };
                    diags.push(
                        Diagnostic::error(
                            "self-reference",
                            format!("claim `{}` {what}", c.id.value),
                        )
                        .at(&c.file, r.pos)
                        .label("refers to the claim it is in")
                        .help(format!("remove `{}` from `{key}`", r.value)),
                    );
                } else if !index.contains_key(r.value.as_str()) {
                    let help = did_you_mean(&r.value, index.keys().copied())
                        .map(|s| format!("did you mean `{s}`?"))
                        .unwrap_or_else(|| "no claim in the debate has this id; check the spelling, or add the claim".to_string());
                    diags.push(
                        Diagnostic::error(
                            "unknown-id",
                            format!("`{key}` refers to an unknown claim `{}`", r.value),
                        )
                        .at(&c.file, r.pos)
                        .label("no claim with this id")
                        .help(help),
                    );
                }
            }
        }
    }
}

/// Reports every cycle of `supports` (a claim that, through other claims, supports itself),
/// naming the whole cycle. Cycles of `opposes` are allowed: claims may attack each other.
pub fn support_cycles(
    raws: &[RawClaim],
    kept: &[usize],
    index: &HashMap<&str, usize>,
    diags: &mut Diagnostics,
) {
    // `kept[k]` is the raw index of model claim k; edges go from a claim to what it supports.
    let n = kept.len();
    let edges: Vec<Vec<usize>> = kept
        .iter()
        .map(|&ri| {
            raws[ri]
                .supports
                .iter()
                .filter_map(|s| index.get(s.value.as_str()).copied())
                // A claim that supports itself is reported as a self-reference already.
                .filter(|&target| raws[kept[target]].id.value != raws[ri].id.value)
                .collect()
        })
        .collect();
    // Iterative three-colour DFS: grey = on the current path. A grey successor closes a cycle,
    // which is the path from that successor to here.
    let mut colour = vec![0u8; n];
    let mut path: Vec<usize> = Vec::new();
    for start in 0..n {
        if colour[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        colour[start] = 1;
        path.push(start);
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&succ) = edges[node].get(*next) {
                *next += 1;
                match colour[succ] {
                    0 => {
                        colour[succ] = 1;
                        path.push(succ);
                        stack.push((succ, 0));
                    }
                    1 => report_cycle(raws, kept, &path, succ, diags),
                    _ => {}
                }
            } else {
                colour[node] = 2;
                path.pop();
                stack.pop();
            }
        }
    }
}

fn report_cycle(
    raws: &[RawClaim],
    kept: &[usize],
    path: &[usize],
    back_to: usize,
    diags: &mut Diagnostics,
) {
    let from = path.iter().rposition(|&p| p == back_to).unwrap_or(0);
    let cycle = &path[from..];
    let ids: Vec<&str> = cycle
        .iter()
        .map(|&k| raws[kept[k]].id.value.as_str())
        .collect();
    let named = format!("{} → {}", ids.join(" → "), ids[0]);
    // Point at the `supports` entry that closes the cycle.
    let last = &raws[kept[*cycle.last().unwrap_or(&back_to)]];
    let pos = last
        .supports
        .iter()
        .find(|s| s.value == ids[0])
        .map_or(last.id.pos, |s| s.pos);
    let mut d = Diagnostic::error("support-cycle", format!("supports form a cycle: {named}"))
        .at(&last.file, pos)
        .label("this link closes the cycle")
        .help(
            "a claim cannot support itself, even through others: remove one link, or use `opposes`",
        );
    for &k in &cycle[..cycle.len().saturating_sub(1)] {
        let c = &raws[kept[k]];
        d = d.related(
            &c.file,
            c.id.pos,
            format!("`{}` is part of the cycle", c.id.value),
        );
    }
    diags.push(d);
}

/// How many ids of a cycle a `co-premise-cycle` message names before it counts the rest.
const CYCLE_IDS: usize = 6;

/// Reports every `with:` entry that makes a claim a premise of a reason for itself: directly
/// (`{id: wt, supports: t, with: t}`: `t` would hold itself up) or through a cycle of
/// `supports` and co-premises (`t` supports `x`, which is a co-premise of a reason for `t`).
/// Plain cycles of `supports` are [`support_cycles`]' to report.
///
/// Each claim with co-premises is one extra node in the graph, between its co-premises and
/// what it supports, so a group of 5,000 co-premises for 100 conclusions costs 5,100 edges,
/// not 500,000; a `with:` entry closes a cycle when it lies in the same strongly connected
/// component as its group.
pub fn co_premise_cycles(
    raws: &[RawClaim],
    kept: &[usize],
    index: &HashMap<&str, usize>,
    diags: &mut Diagnostics,
) {
    let n = kept.len();
    let resolve = |list: &[At<String>]| -> Vec<usize> {
        list.iter()
            .filter_map(|s| index.get(s.value.as_str()).copied())
            .collect()
    };
    // Nodes 0..n are claims (edges: what each supports); n + g is the g-th group.
    let mut edges: Vec<Vec<usize>> = kept.iter().map(|&ri| resolve(&raws[ri].supports)).collect();
    let mut groups: Vec<usize> = Vec::new(); // model index of the claim owning group g
    for (k, &ri) in kept.iter().enumerate() {
        let raw = &raws[ri];
        if raw.with.is_empty() {
            continue;
        }
        let own = &raw.id.value;
        for w in &raw.with {
            if w.value != *own
                && (raw.supports.iter().any(|t| t.value == w.value)
                    || raw.opposes.iter().any(|t| t.value == w.value))
            {
                diags.push(
                    Diagnostic::error(
                        "co-premise-cycle",
                        format!(
                            "`{}` is a co-premise of `{own}` and also the claim they argue for or against, so it would be a reason for itself",
                            w.value
                        ),
                    )
                    .at(&raw.file, w.pos)
                    .label("co-premise and conclusion at once")
                    .help(format!(
                        "remove `{}` from `with:` (co-premises work together for another claim), or from `supports:`/`opposes:`",
                        w.value
                    )),
                );
            }
        }
        let g = n + groups.len();
        groups.push(k);
        edges.push(resolve(&raw.supports));
        for w in resolve(&raw.with) {
            if w != k {
                edges[w].push(g);
            }
        }
    }
    if groups.is_empty() {
        return;
    }
    let (components, component_of) = crate::evaluate::network::tarjan(&edges);
    for (g, &k) in groups.iter().enumerate() {
        let node = n + g;
        let raw = &raws[kept[k]];
        for w in &raw.with {
            let Some(&wi) = index.get(w.value.as_str()) else {
                continue;
            };
            let direct = raw.supports.iter().any(|t| t.value == w.value)
                || raw.opposes.iter().any(|t| t.value == w.value);
            if wi == k || direct || component_of[wi] != component_of[node] {
                continue;
            }
            let members: Vec<&str> = components[component_of[node]]
                .iter()
                .filter(|&&m| m < n)
                .map(|&m| raws[kept[m]].id.value.as_str())
                .collect();
            let mut named = members
                .iter()
                .take(CYCLE_IDS)
                .map(|id| format!("`{id}`"))
                .collect::<Vec<_>>()
                .join(", ");
            if members.len() > CYCLE_IDS {
                named.push_str(&format!(" and {} more", members.len() - CYCLE_IDS));
            }
            diags.push(
                Diagnostic::error(
                    "co-premise-cycle",
                    format!(
                        "`{}` is a co-premise of `{}`, but what they support leads back to `{}`: supports and co-premises form a cycle through {named}",
                        w.value, raw.id.value, w.value
                    ),
                )
                .at(&raw.file, w.pos)
                .label("this co-premise closes the cycle")
                .help(
                    "a claim cannot support itself, even as a co-premise through others: remove it from `with:`, or break one `supports:` link of the cycle",
                ),
            );
        }
    }
}
