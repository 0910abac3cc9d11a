//! The report's evaluation section as template data: verdicts, claims by strength, what each
//! thesis rests on, and which claims are out and why. Numbers arrive formatted (two decimals,
//! signed changes), so templates need no arithmetic.

use super::view::{Builder, LinkView};
use crate::evaluate::Label;
use crate::render::vocab;
use serde::Serialize;

/// How many claims to list on each side of "what the thesis rests on".
const SIDE: usize = 5;

/// Everything the evaluation adds to the report.
#[derive(Serialize)]
pub(super) struct EvalView {
    standard: &'static str,
    standard_key: &'static str,
    compare: &'static str,
    alpha: String,
    beta: String,
    gamma: String,
    verdicts: Vec<VerdictView>,
    claims: Vec<RowView>,
    impacts: Vec<ImpactsView>,
    out: Vec<OutView>,
    /// How many claims are undecided.
    undecided: usize,
    /// The undecided claims, each with the undecided claims that attack it.
    undecided_claims: Vec<UndecidedView>,
    /// The plain statement that reviews fed the numbers, when they did.
    reviews_note: Option<&'static str>,
    /// What was left undecided when the iteration budget ran out, and how to raise it.
    budget_note: Option<String>,
}

#[derive(Serialize)]
struct VerdictView {
    thesis: LinkView,
    verdict: &'static str,
    verdict_key: &'static str,
    strength: String,
    pro: String,
    con: String,
    settled: bool,
}

#[derive(Serialize)]
struct RowView {
    claim: LinkView,
    /// The claim's text cut to one line of the table.
    short: String,
    strength: String,
    base: String,
    label: &'static str,
    label_key: &'static str,
    impact: String,
    /// The thesis `impact` is about (the one the claim moves most); `None` without impact.
    impact_on: Option<LinkView>,
}

#[derive(Serialize)]
struct ImpactsView {
    thesis: LinkView,
    up: Vec<ChangeView>,
    down: Vec<ChangeView>,
}

#[derive(Serialize)]
struct ChangeView {
    claim: LinkView,
    change: String,
}

#[derive(Serialize)]
struct OutView {
    claim: LinkView,
    short: String,
    strength: String,
    /// Every `in` attacker that defeats it.
    defeated_by: Vec<LinkView>,
    /// Those of them that oppose the claim itself.
    opposed_by: Vec<LinkView>,
    /// Those that undercut its link: they dispute that it backs its conclusion, not that
    /// it is true (an undercut defeats the claim for the labelling all the same).
    undercut_by: Vec<LinkView>,
}

#[derive(Serialize)]
struct UndecidedView {
    claim: LinkView,
    short: String,
    strength: String,
    /// Its undecided attackers, the attacks nothing settles (never empty: a claim whose
    /// attackers were all `out` would be `in`, and one with an `in` attacker `out`).
    attackers: Vec<LinkView>,
}

/// The evaluation section, or `None` when the report is drawn without evaluation.
pub(super) fn eval_view(b: &Builder<'_, '_>) -> Option<EvalView> {
    let ev = b.ctx.evaluation?;
    let lang = b.ctx.lang.as_str();
    let settings = &b.d.settings;
    let verdicts = ev
        .theses
        .iter()
        .map(|t| {
            let j = &t.verdict;
            VerdictView {
                thesis: b.link(t.claim),
                verdict: vocab::verdict(j.verdict, lang),
                verdict_key: j.verdict.as_str(),
                strength: vocab::strength(j.strength, lang),
                pro: format!("{:.2}", j.pro),
                con: format!("{:.2}", j.con),
                settled: j.settled,
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..b.d.claims.len()).collect();
    let key = |i: usize| ev.claims[i].strength.unwrap_or(-1.0);
    order.sort_by(|&x, &y| key(y).total_cmp(&key(x)).then(x.cmp(&y)));
    let claims = order
        .into_iter()
        .map(|i| {
            let c = &ev.claims[i];
            RowView {
                short: short(b, i, 80),
                claim: b.link(i),
                strength: vocab::strength(c.strength, lang),
                base: format!("{:.2}", c.base),
                label: vocab::label(c.label, lang),
                label_key: c.label.as_str(),
                impact: c.impact.map_or(String::new(), |(_, x)| vocab::change(x)),
                impact_on: c.impact.map(|(t, _)| b.link(t)),
            }
        })
        .collect();
    let change = |&(c, x): &(usize, f64)| ChangeView {
        claim: b.link(c),
        change: vocab::change(x),
    };
    let impacts = ev
        .theses
        .iter()
        .map(|t| ImpactsView {
            thesis: b.link(t.claim),
            up: t
                .top_impacts
                .iter()
                .filter(|x| x.1 > 0.0)
                .take(SIDE)
                .map(change)
                .collect(),
            down: t
                .top_impacts
                .iter()
                .filter(|x| x.1 < 0.0)
                .take(SIDE)
                .map(change)
                .collect(),
        })
        .collect();
    let out = ev
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.label == Label::Out)
        .map(|(i, c)| {
            let id = &b.d.claims[i].id;
            let (undercut, opposed): (Vec<usize>, Vec<usize>) = c
                .defeated_by
                .iter()
                .partition(|&&a| b.d.claims[a].undercuts.iter().any(|u| u == id));
            OutView {
                short: short(b, i, 120),
                claim: b.link(i),
                strength: vocab::strength(c.strength, lang),
                defeated_by: c.defeated_by.iter().map(|&a| b.link(a)).collect(),
                opposed_by: opposed.into_iter().map(|a| b.link(a)).collect(),
                undercut_by: undercut.into_iter().map(|a| b.link(a)).collect(),
            }
        })
        .collect();
    let undecided_claims = undecided(b, ev);
    Some(EvalView {
        standard: vocab::standard(settings.standard, lang),
        standard_key: settings.standard.as_str(),
        compare: vocab::compare(settings.compare, lang),
        alpha: format!("{:.2}", settings.thresholds.alpha),
        beta: format!("{:.2}", settings.thresholds.beta),
        gamma: format!("{:.2}", settings.thresholds.gamma),
        verdicts,
        claims,
        impacts,
        out,
        undecided: undecided_claims.len(),
        undecided_claims,
        reviews_note: settings.reviews.then(|| vocab::reviews_feed_note(lang)),
        budget_note: ev
            .iteration
            .note(b.d)
            .map(|n| format!("{}{}", n[..1].to_uppercase(), &n[1..])),
    })
}

/// The undecided claims in file order, each with the undecided claims attacking it.
fn undecided(b: &Builder<'_, '_>, ev: &crate::evaluate::Evaluation) -> Vec<UndecidedView> {
    let lang = b.ctx.lang.as_str();
    let undec = |i: usize| ev.claims.get(i).is_some_and(|c| c.label == Label::Undec);
    if !(0..ev.claims.len()).any(undec) {
        return Vec::new();
    }
    let attacks = crate::evaluate::AttackGraph::from_debate(b.d);
    (0..ev.claims.len())
        .filter(|&i| undec(i))
        .map(|i| UndecidedView {
            short: short(b, i, 120),
            claim: b.link(i),
            strength: vocab::strength(ev.claims[i].strength, lang),
            attackers: {
                let mut a: Vec<usize> = attacks.attackers[i]
                    .iter()
                    .copied()
                    .filter(|&a| undec(a))
                    .collect();
                a.sort_unstable();
                a.dedup();
                a.into_iter().map(|a| b.link(a)).collect()
            },
        })
        .collect()
}

/// A claim's text on one line of at most `width` columns, ending in an ellipsis when cut.
fn short(b: &Builder<'_, '_>, i: usize, width: usize) -> String {
    crate::render::wrap::wrap_lines(b.ctx.text(i), width, 1)
        .pop()
        .unwrap_or_default()
}
