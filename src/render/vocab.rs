//! The evaluation's words in each display language, shared by the terminal table, the map
//! and the report so that a verdict reads the same everywhere.
//!
//! Bengali wording was written by the developers and awaits a native speaker's review.

use crate::evaluate::{Label, Verdict};
use crate::model::{Compare, ProofStandard, Review, ReviewVerdict};

/// Bengali for `bn` and its regional variants (`bn-BD`, `bn_IN`), English otherwise, as the
/// map's words choose.
fn bn(lang: &str) -> bool {
    lang.split(['-', '_'])
        .next()
        .is_some_and(|p| p.eq_ignore_ascii_case("bn"))
}

/// "stands" / "falls" / "contested".
pub fn verdict(v: Verdict, lang: &str) -> &'static str {
    match (v, bn(lang)) {
        (Verdict::Stands, false) => "stands",
        (Verdict::Falls, false) => "falls",
        (Verdict::Contested, false) => "contested",
        (Verdict::Stands, true) => "টিকে থাকে",
        (Verdict::Falls, true) => "টেকে না",
        (Verdict::Contested, true) => "অমীমাংসিত",
    }
}

/// The grounded label in words.
pub fn label(l: Label, lang: &str) -> &'static str {
    match (l, bn(lang)) {
        (Label::In, false) => "in",
        (Label::Out, false) => "out",
        (Label::Undec, false) => "undecided",
        (Label::In, true) => "গৃহীত",
        (Label::Out, true) => "খণ্ডিত",
        (Label::Undec, true) => "অনির্ধারিত",
    }
}

/// The proof standard's name.
pub fn standard(s: ProofStandard, lang: &str) -> &'static str {
    match (s, bn(lang)) {
        (ProofStandard::Scintilla, false) => "scintilla of evidence",
        (ProofStandard::Preponderance, false) => "preponderance of evidence",
        (ProofStandard::ClearAndConvincing, false) => "clear and convincing evidence",
        (ProofStandard::BeyondReasonableDoubt, false) => "beyond reasonable doubt",
        (ProofStandard::Scintilla, true) => "সামান্যতম প্রমাণ",
        (ProofStandard::Preponderance, true) => "প্রমাণের প্রাধান্য",
        (ProofStandard::ClearAndConvincing, true) => "স্পষ্ট ও বিশ্বাসযোগ্য প্রমাণ",
        (ProofStandard::BeyondReasonableDoubt, true) => "যুক্তিসঙ্গত সন্দেহের ঊর্ধ্বে",
    }
}

/// How the two sides were compared.
pub fn compare(c: Compare, lang: &str) -> &'static str {
    match (c, bn(lang)) {
        (Compare::Strongest, false) => "strongest argument on each side",
        (Compare::Combined, false) => "all arguments on each side combined",
        (Compare::Strongest, true) => "প্রতি পক্ষের সবচেয়ে জোরালো যুক্তি",
        (Compare::Combined, true) => "প্রতি পক্ষের সব যুক্তি মিলিয়ে",
    }
}

/// A strength with two decimals, or the words for one that did not settle.
pub fn strength(s: Option<f64>, lang: &str) -> String {
    match s {
        Some(v) => format!("{v:.2}"),
        None if bn(lang) => "স্থির হয়নি".to_string(),
        None => "did not settle".to_string(),
    }
}

/// A signed change with two decimals ("+0.12", "−0.30"), using a true minus sign.
pub fn change(d: f64) -> String {
    let rounded = (d * 100.0).round() / 100.0;
    if rounded > 0.0 {
        format!("+{rounded:.2}")
    } else if rounded < 0.0 {
        format!("−{:.2}", -rounded)
    } else {
        "0.00".to_string()
    }
}

/// A review verdict in words.
pub fn review_verdict(v: ReviewVerdict, lang: &str) -> &'static str {
    match (v, bn(lang)) {
        (ReviewVerdict::Accept, false) => "accept",
        (ReviewVerdict::Reject, false) => "reject",
        (ReviewVerdict::Dubious, false) => "dubious",
        (ReviewVerdict::Accept, true) => "গ্রহণ",
        (ReviewVerdict::Reject, true) => "প্রত্যাখ্যান",
        (ReviewVerdict::Dubious, true) => "সন্দেহজনক",
    }
}

/// How a claim's reviews came out, e.g. "2 accept, 1 dubious"; `None` without reviews.
pub fn review_summary<'r>(
    reviews: impl IntoIterator<Item = &'r Review>,
    lang: &str,
) -> Option<String> {
    let mut counts = [0usize; 3];
    for r in reviews {
        let k = ReviewVerdict::ALL
            .iter()
            .position(|&v| v == r.verdict)
            .unwrap_or(0);
        counts[k] += 1;
    }
    let parts: Vec<String> = ReviewVerdict::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(&v, n)| format!("{n} {}", review_verdict(v, lang)))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The critical questions of a claim's scheme that none of its reviews answered.
pub fn open_questions(debate: &crate::model::Debate, claim: usize) -> Vec<&str> {
    let c = &debate.claims[claim];
    let Some(scheme) = c.scheme.as_deref().and_then(|s| debate.scheme(s)) else {
        return Vec::new();
    };
    scheme
        .questions
        .iter()
        .filter(|q| {
            !debate
                .reviews_of(claim)
                .any(|r| r.answers.iter().any(|a| a.question == q.id))
        })
        .map(|q| q.id.as_str())
        .collect()
}

/// The one-line review status on a map box: "reviews: 2 accept, 1 dubious · 3 open
/// questions"; `None` when there is nothing to say.
pub fn review_line(debate: &crate::model::Debate, claim: usize, lang: &str) -> Option<String> {
    let summary = review_summary(debate.reviews_of(claim), lang);
    let open = open_questions(debate, claim).len();
    let mut parts = Vec::new();
    if let Some(s) = summary {
        parts.push(if bn(lang) {
            format!("পর্যালোচনা: {s}")
        } else {
            format!("reviews: {s}")
        });
    }
    if open > 0 {
        parts.push(match (bn(lang), open) {
            (true, n) => format!("{n}টি প্রশ্ন খোলা"),
            (false, 1) => "1 open question".to_string(),
            (false, n) => format!("{n} open questions"),
        });
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The plain statement that reviews feed the evaluation, for every output that shows it.
pub fn reviews_feed_note(lang: &str) -> &'static str {
    if bn(lang) {
        "পর্যালোচনা এই মূল্যায়নে যুক্ত: প্রতিটি দাবির ভিত্তি তার আস্থা ও পর্যালোচকদের গড় রায়ের (গ্রহণ ১, সন্দেহজনক ০.৫, প্রত্যাখ্যান ০) গড়; কোনো সমালোচনামূলক প্রশ্নের উত্তর “না” হলে বা যোগসূত্র দুর্বল বলা হলে দাবিটির যুক্তির ওজন কমে।"
    } else {
        "Reviews feed this evaluation: each reviewed claim's base score is the average of its confidence and its reviewers' mean verdict (accept 1, dubious 0.5, reject 0), and critical questions answered “no” and weak links lower the weight of the reasons it is part of."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_signed_and_never_negative_zero() {
        assert_eq!(change(0.123), "+0.12");
        assert_eq!(change(-0.3), "−0.30");
        assert_eq!(change(-0.001), "0.00");
        assert_eq!(strength(None, "en"), "did not settle");
        assert_eq!(strength(Some(0.5), "bn"), "0.50");
    }
}
