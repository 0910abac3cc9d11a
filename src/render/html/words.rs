//! The interactive page's own words (buttons, panel headings, legend) in each language, so
//! the language switch changes every label without a reload.
//!
//! Bengali wording was written by the developers and awaits a native speaker's review, like
//! the rest of [`crate::render::vocab`].

use crate::evaluate::{Label, Verdict};
use crate::model::{ProofStandard, ReviewVerdict};
use crate::render::vocab;
use std::collections::BTreeMap;

const EN: &[(&str, &str)] = &[
    ("language", "Language"),
    ("search", "Search claims"),
    ("search_hint", "text, id, author or tag"),
    ("matches", "{n} matches"),
    ("no_matches", "no matches"),
    ("filter_tag", "Tag"),
    ("filter_author", "Author"),
    ("filter_kind", "Kind"),
    ("filter_rel", "Relation"),
    ("all", "all"),
    ("zoom_in", "Zoom in"),
    ("zoom_out", "Zoom out"),
    ("zoom_fit", "Fit to window"),
    ("legend", "Legend"),
    ("outline", "Outline"),
    ("close", "Close"),
    (
        "panel_empty",
        "Click a claim in the map or the outline (or Tab to it and press Enter) to read its evidence here.",
    ),
    ("map_label", "Argument map; every claim is a button"),
    ("kind.thesis", "thesis"),
    ("kind.claim", "claim"),
    ("kind.evidence", "evidence"),
    ("rel.thesis", "thesis"),
    ("rel.root", "not connected"),
    ("rel.support", "support"),
    ("rel.objection", "objection"),
    ("rel.rebuttal", "rebuttal"),
    ("rel.undercut", "undercut"),
    ("author", "Author"),
    ("tags", "Tags"),
    ("note", "Note"),
    ("scheme", "Scheme"),
    ("confidence", "Confidence"),
    ("file", "File"),
    ("evidence", "Evidence"),
    ("quote", "Quote"),
    ("source", "Source"),
    ("locator", "Where"),
    ("status.verified", "✓ quote found in the source"),
    ("status.not-found", "✗ quote not found in the source"),
    (
        "status.unverifiable",
        "quote not checked: the source has no local text",
    ),
    ("status.none", ""),
    ("supports", "Supports"),
    ("opposes", "Opposes"),
    ("undercuts", "Undercuts the link of"),
    ("supporters", "Reasons for it"),
    ("objections", "Objections"),
    ("rebuttals", "Rebuttals"),
    ("together_with", "together with"),
    ("undercut_by", "link undercut by"),
    ("evaluation", "Evaluation"),
    ("strength", "strength"),
    ("base", "base"),
    ("label", "label"),
    ("defeated_by", "defeated by"),
    ("not_settled", "did not settle"),
    ("case_for", "case for"),
    ("case_against", "against"),
    ("reviews", "Reviews"),
    ("link.strong", "strong link"),
    ("link.weak", "weak link"),
    ("link.none", "no link"),
    ("answer.yes", "yes"),
    ("answer.no", "no"),
    ("answer.unsure", "unsure"),
    ("open_questions", "Open critical questions"),
    (
        "legend.support",
        "+ supports the claim above it (green, solid arrow)",
    ),
    ("legend.objection", "− objects to it (red, dashed arrow)"),
    ("legend.rebuttal", "↩ rebuts an objection (orange)"),
    (
        "legend.undercut",
        "× undercuts a link: disputes that a reason backs its claim (purple, dotted)",
    ),
    (
        "legend.evidence",
        "Evidence: a folded note with the verbatim quote and its source; ✓ when the quote was found in the source",
    ),
    (
        "legend.strength",
        "Number in a box: its strength, 0 to 1; thicker border, stronger claim",
    ),
    (
        "legend.out",
        "✗ out: defeated by an attacker that stands (struck through, dashed)",
    ),
    ("legend.undec", "⇄ undecided: attacks that nothing settles"),
    (
        "legend.keys",
        "Keys: Tab moves between claims, arrows follow the argument (up to what a claim argues about, down to its reasons, left and right along the outline), Enter opens a claim, Escape closes the panel, + and − zoom, 0 shows the whole map",
    ),
    ("selected", "selected"),
    ("skip", "Skip to the claim details"),
    (
        "outline_more",
        "{n} more claims are not listed here; search finds every claim.",
    ),
    (
        "noscript",
        "The map is shown without JavaScript; the side panel, search, filters, zoom and the outline need it.",
    ),
];

const BN: &[(&str, &str)] = &[
    ("language", "ভাষা"),
    ("search", "দাবি খুঁজুন"),
    ("search_hint", "লেখা, আইডি, লেখক বা ট্যাগ"),
    ("matches", "{n}টি মিল"),
    ("no_matches", "কোনো মিল নেই"),
    ("filter_tag", "ট্যাগ"),
    ("filter_author", "লেখক"),
    ("filter_kind", "ধরন"),
    ("filter_rel", "সম্পর্ক"),
    ("all", "সব"),
    ("zoom_in", "বড় করুন"),
    ("zoom_out", "ছোট করুন"),
    ("zoom_fit", "পর্দায় মাপমতো"),
    ("legend", "সংকেত"),
    ("outline", "রূপরেখা"),
    ("close", "বন্ধ করুন"),
    (
        "panel_empty",
        "প্রমাণ পড়তে মানচিত্রে বা রূপরেখায় একটি দাবিতে ক্লিক করুন (অথবা Tab দিয়ে গিয়ে Enter চাপুন)।",
    ),
    ("map_label", "যুক্তির মানচিত্র; প্রতিটি দাবি একটি বোতাম"),
    ("kind.thesis", "মূল দাবি"),
    ("kind.claim", "দাবি"),
    ("kind.evidence", "প্রমাণ"),
    ("rel.thesis", "মূল দাবি"),
    ("rel.root", "বিচ্ছিন্ন"),
    ("rel.support", "সমর্থন"),
    ("rel.objection", "আপত্তি"),
    ("rel.rebuttal", "খণ্ডন"),
    ("rel.undercut", "ভিত্তি-খণ্ডন"),
    ("author", "লেখক"),
    ("tags", "ট্যাগ"),
    ("note", "টীকা"),
    ("scheme", "যুক্তির ধরন"),
    ("confidence", "আস্থা"),
    ("file", "ফাইল"),
    ("evidence", "প্রমাণ"),
    ("quote", "উদ্ধৃতি"),
    ("source", "উৎস"),
    ("locator", "কোথায়"),
    ("status.verified", "✓ উদ্ধৃতি উৎসে পাওয়া গেছে"),
    ("status.not-found", "✗ উদ্ধৃতি উৎসে পাওয়া যায়নি"),
    ("status.unverifiable", "উদ্ধৃতি যাচাই হয়নি: উৎসের লেখা এখানে নেই"),
    ("status.none", ""),
    ("supports", "সমর্থন করে"),
    ("opposes", "বিরোধিতা করে"),
    ("undercuts", "যোগসূত্র খণ্ডন করে"),
    ("supporters", "পক্ষের যুক্তি"),
    ("objections", "আপত্তি"),
    ("rebuttals", "খণ্ডন"),
    ("together_with", "সঙ্গে"),
    ("undercut_by", "যোগসূত্র খণ্ডন করেছে"),
    ("evaluation", "মূল্যায়ন"),
    ("strength", "শক্তি"),
    ("base", "ভিত্তি"),
    ("label", "অবস্থা"),
    ("defeated_by", "খণ্ডন করেছে"),
    ("not_settled", "স্থির হয়নি"),
    ("case_for", "পক্ষে"),
    ("case_against", "বিপক্ষে"),
    ("reviews", "পর্যালোচনা"),
    ("link.strong", "দৃঢ় যোগসূত্র"),
    ("link.weak", "দুর্বল যোগসূত্র"),
    ("link.none", "যোগসূত্র নেই"),
    ("answer.yes", "হ্যাঁ"),
    ("answer.no", "না"),
    ("answer.unsure", "নিশ্চিত নয়"),
    ("open_questions", "খোলা সমালোচনামূলক প্রশ্ন"),
    ("legend.support", "+ উপরের দাবিকে সমর্থন করে (সবুজ, টানা তীর)"),
    ("legend.objection", "− তার বিরোধিতা করে (লাল, ভাঙা তীর)"),
    ("legend.rebuttal", "↩ একটি আপত্তি খণ্ডন করে (কমলা)"),
    (
        "legend.undercut",
        "× যোগসূত্র খণ্ডন করে: যুক্তিটি দাবিকে সমর্থন করে কিনা তা নিয়ে প্রশ্ন তোলে (বেগুনি, বিন্দু-রেখা)",
    ),
    (
        "legend.evidence",
        "প্রমাণ: ভাঁজ করা চিরকুটে হুবহু উদ্ধৃতি ও উৎস; উদ্ধৃতি উৎসে পাওয়া গেলে ✓",
    ),
    (
        "legend.strength",
        "বাক্সের সংখ্যা: তার শক্তি, ০ থেকে ১; মোটা সীমানা মানে জোরালো দাবি",
    ),
    (
        "legend.out",
        "✗ খণ্ডিত: টিকে থাকা আক্রমণে পরাস্ত (কাটা লেখা, ভাঙা সীমানা)",
    ),
    ("legend.undec", "⇄ অনির্ধারিত: যে আক্রমণের মীমাংসা হয়নি"),
    (
        "legend.keys",
        "কী: Tab দিয়ে দাবি থেকে দাবিতে যান, তীর-চাবি যুক্তি ধরে চলে (উপরে: দাবিটি যা নিয়ে, নিচে: তার যুক্তি, ডানে-বাঁয়ে: রূপরেখার ক্রমে), Enter দাবি খোলে, Escape প্যানেল বন্ধ করে, + ও − দিয়ে বড়-ছোট, 0 দিয়ে পুরো মানচিত্র",
    ),
    ("selected", "নির্বাচিত"),
    ("skip", "দাবির বিবরণে যান"),
    (
        "outline_more",
        "আরও {n}টি দাবি এখানে দেখানো হয়নি; খুঁজলে সব দাবি পাওয়া যায়।",
    ),
    (
        "noscript",
        "JavaScript ছাড়াও মানচিত্র দেখা যায়; পাশের প্যানেল, খোঁজা, ছাঁকনি, বড়-ছোট করা ও রূপরেখার জন্য JavaScript লাগে।",
    ),
];

/// The page's words in `lang`: Bengali for `bn` and its regional variants, else English.
/// The evaluation's and reviews' words come from [`vocab`], so they read as on the map and
/// in the report.
pub(super) fn ui_words(lang: &str) -> BTreeMap<&'static str, &'static str> {
    let bn = lang
        .split(['-', '_'])
        .next()
        .is_some_and(|p| p.eq_ignore_ascii_case("bn"));
    let table = if bn { BN } else { EN };
    let mut words: BTreeMap<&'static str, &'static str> = table.iter().copied().collect();
    for (key, l) in [
        ("label.in", Label::In),
        ("label.out", Label::Out),
        ("label.undec", Label::Undec),
    ] {
        words.insert(key, vocab::label(l, lang));
    }
    for (key, v) in [
        ("verdict.stands", Verdict::Stands),
        ("verdict.falls", Verdict::Falls),
        ("verdict.contested", Verdict::Contested),
    ] {
        words.insert(key, vocab::verdict(v, lang));
    }
    for s in ProofStandard::ALL {
        words.insert(standard_key(s), vocab::standard(s, lang));
    }
    for (key, v) in [
        ("review.accept", ReviewVerdict::Accept),
        ("review.reject", ReviewVerdict::Reject),
        ("review.dubious", ReviewVerdict::Dubious),
    ] {
        words.insert(key, vocab::review_verdict(v, lang));
    }
    words
}

/// The script's key for a proof standard (`standard.` and its keyword).
fn standard_key(s: ProofStandard) -> &'static str {
    match s {
        ProofStandard::Scintilla => "standard.scintilla",
        ProofStandard::Preponderance => "standard.preponderance",
        ProofStandard::ClearAndConvincing => "standard.clear-and-convincing",
        ProofStandard::BeyondReasonableDoubt => "standard.beyond-reasonable-doubt",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_word() {
        let en: Vec<&str> = EN.iter().map(|(k, _)| *k).collect();
        let bn: Vec<&str> = BN.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            en, bn,
            "the two tables must list the same keys in the same order"
        );
        assert_eq!(ui_words("bn-BD")["outline"], "রূপরেখা");
        assert_eq!(ui_words("fr")["outline"], "Outline");
        assert_eq!(ui_words("bn")["verdict.stands"], "টিকে থাকে");
        assert_eq!(
            ui_words("en")["standard.clear-and-convincing"],
            "clear and convincing evidence"
        );
    }
}
