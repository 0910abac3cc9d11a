//! The words on the map (box headers, junctions, legend) in each supported language.

/// The words on the map in one display language.
pub(crate) struct Words {
    pub thesis: &'static str,
    pub claim: &'static str,
    pub evidence: &'static str,
    pub support: &'static str,
    pub objection: &'static str,
    pub rebuttal: &'static str,
    pub undercut: &'static str,
    pub because: &'static str,
    pub however: &'static str,
    /// After a junction's word when some co-premises are hidden: "(+2 hidden)".
    pub hidden: &'static str,
    pub verified: &'static str,
    pub legend: &'static str,
    pub fill_note: &'static str,
    pub legend_thesis: &'static str,
    pub legend_support: &'static str,
    pub legend_objection: &'static str,
    pub legend_rebuttal: &'static str,
    pub legend_undercut: &'static str,
    pub legend_evidence: &'static str,
    pub legend_unlinked: &'static str,
    pub edge_support: &'static str,
    pub edge_objection: &'static str,
    pub edge_rebuttal: &'static str,
    pub edge_undercut: &'static str,
    /// Legend rows for the evaluation (shown unless `--no-eval`).
    pub legend_strength: &'static str,
    pub legend_out: &'static str,
    pub legend_undec: &'static str,
    pub legend_verdict: &'static str,
    /// `legend_out` for the embedded layout, which can neither strike text through nor
    /// dash a border.
    pub legend_out_plain: &'static str,
}

const EN: Words = Words {
    thesis: "THESIS",
    claim: "CLAIM",
    evidence: "EVIDENCE",
    support: "SUPPORT",
    objection: "OBJECTION",
    rebuttal: "REBUTTAL",
    undercut: "UNDERCUT",
    because: "because",
    however: "however",
    hidden: "hidden",
    verified: "quote found in the source",
    legend: "Legend",
    fill_note: "Box colour: role towards the claim its arrow points to",
    legend_thesis: "thesis: what the debate is about",
    legend_support: "supports the claim its arrow points to",
    legend_objection: "objects to the claim its arrow points to",
    legend_rebuttal: "rebuts an objection",
    legend_undercut: "undercuts a link: the reason does not back the claim",
    legend_evidence: "evidence quoted from a source (✓ quote verified)",
    legend_unlinked: "not yet a reason for anything",
    edge_support: "+ supports",
    edge_objection: "− objects",
    edge_rebuttal: "− rebuts",
    edge_undercut: "× undercuts",
    legend_strength: "0.62: strength from 0 (weakest) to 1 (strongest), reasons weighed against objections; thicker border = stronger; ? = did not settle",
    legend_out: "✗ out, grey, struck through, dashed border: defeated by an attack nobody answers",
    legend_undec: "⇄ undecided: caught in attacks that nothing settles",
    legend_verdict: "STANDS / FALLS / CONTESTED under the thesis: its verdict under the debate's proof standard",
    legend_out_plain: "✗ out, faded, grey border: defeated by an attack nobody answers",
};

const BN: Words = Words {
    thesis: "প্রতিপাদ্য",
    claim: "দাবি",
    evidence: "প্রমাণ",
    support: "সমর্থন",
    objection: "আপত্তি",
    rebuttal: "খণ্ডন",
    undercut: "যোগসূত্র খণ্ডন",
    because: "কারণ",
    however: "কিন্তু",
    hidden: "লুকানো",
    verified: "উদ্ধৃতি উৎসে পাওয়া গেছে",
    legend: "সংকেত",
    fill_note: "বাক্সের রং: তীর যে দাবির দিকে, তার প্রতি ভূমিকা",
    legend_thesis: "প্রতিপাদ্য: বিতর্কের মূল বিষয়",
    legend_support: "তীরচিহ্নিত দাবিকে সমর্থন করে",
    legend_objection: "তীরচিহ্নিত দাবিতে আপত্তি করে",
    legend_rebuttal: "একটি আপত্তিকে খণ্ডন করে",
    legend_undercut: "যোগসূত্র খণ্ডন: কারণটি দাবিকে সমর্থন করে না",
    legend_evidence: "উৎস থেকে উদ্ধৃত প্রমাণ (✓ উদ্ধৃতি যাচাই করা)",
    legend_unlinked: "এখনও কোনো কিছুর কারণ নয়",
    edge_support: "+ সমর্থন করে",
    edge_objection: "− আপত্তি করে",
    edge_rebuttal: "− খণ্ডন করে",
    edge_undercut: "× যোগসূত্র খণ্ডন করে",
    legend_strength: "0.62: ০ (সবচেয়ে দুর্বল) থেকে ১ (সবচেয়ে জোরালো) পর্যন্ত শক্তি, কারণ ও আপত্তি মিলিয়ে; মোটা সীমানা = বেশি জোরালো; ? = স্থির হয়নি",
    legend_out: "✗ খণ্ডিত, ধূসর, কাটা লেখা, ভাঙা সীমানা: এমন আক্রমণে পরাস্ত যার জবাব নেই",
    legend_undec: "⇄ অনির্ধারিত: এমন আক্রমণের চক্রে আটকে যার মীমাংসা হয়নি",
    legend_verdict: "প্রতিপাদ্যের নিচে টিকে থাকে / টেকে না / অমীমাংসিত: বিতর্কের প্রমাণের মানদণ্ডে তার রায়",
    legend_out_plain: "✗ খণ্ডিত, ফিকে রং, ধূসর সীমানা: এমন আক্রমণে পরাস্ত যার জবাব নেই",
};

impl Words {
    /// The label of a summary node: "+212 claims: 140 for, 72 against".
    pub fn hidden_summary(&self, hidden: usize, pro: usize, con: usize) -> String {
        if std::ptr::eq(self, &BN) {
            format!("+{hidden}টি দাবি: {pro}টি পক্ষে, {con}টি বিপক্ষে")
        } else {
            format!(
                "+{hidden} claim{}: {pro} for, {con} against",
                if hidden == 1 { "" } else { "s" }
            )
        }
    }
}

/// The map's words for a display language (`bn`, `bn-BD`…); English for any other.
pub(crate) fn words(lang: &str) -> &'static Words {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    if primary.eq_ignore_ascii_case("bn") {
        &BN
    } else {
        &EN
    }
}
