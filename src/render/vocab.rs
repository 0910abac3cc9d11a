//! The evaluation's words in each display language, shared by the terminal table, the map
//! and the report so that a verdict reads the same everywhere.
//!
//! Bengali wording was written by the developers and awaits a native speaker's review.

use crate::evaluate::{Label, Verdict};
use crate::model::{Compare, ProofStandard};

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
