//! `claimmap review`: the Markdown checklist a student works through when reviewing a
//! debate. For each claim, in the order a reader meets it from the thesis: its open critical
//! questions, source problems, a single source carrying it, objections nobody has answered,
//! and whether anyone (or the given reviewer) has reviewed it yet.

use super::RenderContext;
use super::markdown::escape::{code_span, escape_inline};
use crate::model::{Claim, Debate, Kind, QuoteStatus, ReasonRole, Review};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Who the checklist is for.
#[derive(Debug, Clone, Copy)]
pub struct Checklist<'r> {
    /// Only what this reviewer has not done yet; `None` for everything still open.
    pub reviewer: Option<&'r str>,
}

/// The fixed words of the checklist.
struct Words {
    title: &'static str,
    for_reviewer: &'static str,
    summary: &'static str,
    review_claim: &'static str,
    review_yours: &'static str,
    answer: &'static str,
    no_source: &'static str,
    unverifiable: &'static str,
    single_source: &'static str,
    unanswered: &'static str,
    nothing: &'static str,
}

const EN: Words = Words {
    title: "Review checklist",
    for_reviewer: "for",
    summary: "open items",
    review_claim: "Review this claim (nobody has yet)",
    review_yours: "Review this claim",
    answer: "Answer the critical question",
    no_source: "Find a source: this evidence names none",
    unverifiable: "Check the quote by hand: its source is only a web address",
    single_source: "Everything behind this claim comes from one source",
    unanswered: "Nobody has answered this objection yet: rebut it or undercut it",
    nothing: "Nothing left to do.",
};

const BN: Words = Words {
    title: "পর্যালোচনার তালিকা",
    for_reviewer: "যাঁর জন্য:",
    summary: "বাকি কাজ",
    review_claim: "দাবিটি পর্যালোচনা করুন (এখনও কেউ করেননি)",
    review_yours: "দাবিটি পর্যালোচনা করুন",
    answer: "সমালোচনামূলক প্রশ্নের উত্তর দিন",
    no_source: "উৎস খুঁজুন: এই প্রমাণে কোনো উৎস নেই",
    unverifiable: "উদ্ধৃতিটি নিজে যাচাই করুন: উৎসটি কেবল একটি ওয়েব ঠিকানা",
    single_source: "এই দাবির পেছনের সবকিছু একটিমাত্র উৎস থেকে",
    unanswered: "এই আপত্তির জবাব এখনও কেউ দেননি: খণ্ডন করুন বা যোগসূত্র খণ্ডন করুন",
    nothing: "আর কিছু বাকি নেই।",
};

impl Checklist<'_> {
    /// The checklist as Markdown.
    pub fn render(&self, ctx: &RenderContext<'_>) -> String {
        let w = if ctx.lang.split(['-', '_']).next() == Some("bn") {
            &BN
        } else {
            &EN
        };
        let d = ctx.debate;
        let mut body = String::new();
        let mut open = 0;
        let roles = PremiseRoles::of(d);
        for entry in d.tree_order().into_iter().filter(|e| !e.repeat) {
            let items = self.items(ctx, entry.claim, w, &roles);
            if items.is_empty() {
                continue;
            }
            open += items.len();
            let claim = &d.claims[entry.claim];
            let _ = writeln!(
                body,
                "### {} {}\n",
                code_span(&claim.id, false),
                escape_inline(ctx.text(entry.claim), false)
            );
            for item in items {
                let _ = writeln!(body, "- [ ] {item}");
            }
            body.push('\n');
        }
        let mut out = format!("# {}", w.title);
        if let Some(r) = self.reviewer {
            let _ = write!(out, " {} {}", w.for_reviewer, escape_inline(r, false));
        }
        let _ = writeln!(out, "\n\n{} {}\n", open, w.summary);
        if open == 0 {
            let _ = writeln!(out, "{}", w.nothing);
        }
        out.push_str(&body);
        out
    }

    /// The open items of one claim, as Markdown (already escaped).
    fn items(
        &self,
        ctx: &RenderContext<'_>,
        i: usize,
        w: &Words,
        roles: &PremiseRoles,
    ) -> Vec<String> {
        let d = ctx.debate;
        let claim = &d.claims[i];
        let reviews: Vec<&Review> = d
            .reviews_of(i)
            .filter(|r| self.reviewer.is_none_or(|name| r.reviewer == name))
            .collect();
        let mut items = Vec::new();
        if reviews.is_empty() && claim.kind != Kind::Thesis {
            items.push(match self.reviewer {
                Some(_) => w.review_yours.to_string(),
                None => w.review_claim.to_string(),
            });
        }
        if let Some(scheme) = claim.scheme.as_deref().and_then(|s| d.scheme(s)) {
            let answered: BTreeSet<&str> = reviews
                .iter()
                .flat_map(|r| r.answers.iter().map(|a| a.question.as_str()))
                .collect();
            for q in scheme
                .questions
                .iter()
                .filter(|q| !answered.contains(q.id.as_str()))
            {
                items.push(format!(
                    "{} {}: {}",
                    w.answer,
                    code_span(&q.id, false),
                    escape_inline(q.text.get(&ctx.lang, &d.languages), false)
                ));
            }
        }
        if self.reviewer.is_some() {
            return items;
        }
        if claim.kind == Kind::Evidence && claim.source.is_none() {
            items.push(w.no_source.to_string());
        }
        if claim.quote_status == QuoteStatus::Unverifiable {
            items.push(w.unverifiable.to_string());
        }
        if let Some(source) = single_source(d, i) {
            items.push(format!("{}: {}", w.single_source, code_span(source, false)));
        }
        if roles.unanswered_objection(d, i) {
            items.push(w.unanswered.to_string());
        }
        items
    }
}

/// The one source every piece of evidence under a claim cites, when there are at least two
/// pieces (one piece from one source is normal; several all from one source is fragile).
fn single_source(d: &Debate, i: usize) -> Option<&str> {
    let sources: Vec<&str> = d
        .reasons_for(i)
        .filter(|(_, r)| r.role.is_support())
        .flat_map(|(_, r)| r.premises.iter())
        .map(|&p| &d.claims[p])
        .filter(|c: &&Claim| c.kind == Kind::Evidence)
        .filter_map(|c| c.source.as_deref())
        .collect();
    let distinct: BTreeSet<&str> = sources.iter().copied().collect();
    (sources.len() >= 2 && distinct.len() == 1).then(|| sources[0])
}

/// Per claim, what the reasons it is a premise of say about it, gathered in one pass over the
/// reasons (asking every reason about every claim made `review` quadratic: 40,000 claims
/// took 10 s).
struct PremiseRoles {
    /// A premise of an objection to a claim that is not an undercut (opposing an undercut
    /// answers an attack: that is a rebuttal).
    objects: Vec<bool>,
    /// A premise of a reason that something undercuts.
    undercut: Vec<bool>,
}

impl PremiseRoles {
    fn of(d: &Debate) -> PremiseRoles {
        let n = d.claims.len();
        let mut roles = PremiseRoles {
            objects: vec![false; n],
            undercut: vec![false; n],
        };
        for r in d.reasons() {
            let objection =
                r.role == ReasonRole::Objection && d.claims[r.conclusion].undercuts.is_empty();
            for &p in &r.premises {
                roles.objects[p] |= objection;
                roles.undercut[p] |= !r.undercutters.is_empty();
            }
        }
        roles
    }

    /// Whether claim `i` objects to a reason or claim (or undercuts a link) and nothing
    /// opposes or undercuts it in turn. Rebuttals are left out: answering them would never
    /// end.
    fn unanswered_objection(&self, d: &Debate, i: usize) -> bool {
        let objects = !d.claims[i].undercuts.is_empty() || self.objects[i];
        let answered = d.reasons_for(i).any(|(_, r)| !r.role.is_support()) || self.undercut[i];
        objects && !answered
    }
}
