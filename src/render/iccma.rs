//! `export --format iccma`: the attack graph in the ICCMA 2023 abstract argumentation
//! format, so that any standard solver can confirm claimmap's labelling independently.
//!
//! The first line is `p af N` (arguments numbered 1..N, claim `i` in file order is argument
//! `i + 1`), then one `# N id` comment per argument naming its claim, then one `a b` line per
//! attack (`a` attacks `b`), sorted. Attacks are exactly those of
//! [`AttackGraph::from_debate`], which the grounded labelling and the preferred and stable
//! search use: `opposes`, and an undercut attacking the claim whose link it cuts (none when
//! the claim has no link to cut, as for an undercut of an undercut).
//!
//! The ICCMA 2023 rules (<https://iccma2023.github.io/rules.html#input-format>) make the
//! `p af` line the first line of the file and allow lines starting with `#` as comments;
//! no other lines are allowed, so there are no blank lines either.

use super::{RenderContext, Renderer};
use crate::error::Result;
use crate::evaluate::AttackGraph;
use std::fmt::Write as _;

/// The ICCMA export backend.
pub struct Iccma;

impl Renderer for Iccma {
    fn name(&self) -> &str {
        "iccma"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<u8>> {
        let d = ctx.debate;
        let graph = AttackGraph::from_debate(d);
        let mut out = String::new();
        let _ = writeln!(out, "p af {}", graph.len());
        for (i, claim) in d.claims.iter().enumerate() {
            let _ = writeln!(out, "# {} {}", i + 1, comment_safe(&claim.id));
        }
        for (a, targets) in graph.attacks.iter().enumerate() {
            for &b in targets {
                let _ = writeln!(out, "{} {}", a + 1, b + 1);
            }
        }
        Ok(out.into_bytes())
    }
}

/// An id as it may appear in a comment line. Ids are validated to `[a-z0-9-]`, so this
/// changes nothing in a checked debate; but a comment must never spill onto a second line
/// whatever a caller passes, and readers disagree on what ends a line (`\r`, U+0085,
/// U+2028 ...), so anything but printable ASCII becomes `?`.
fn comment_safe(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_graphic() { c } else { '?' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Debate, Kind, Text};

    #[test]
    fn numbers_arguments_from_one_and_lists_each_attack_once() {
        let mut t = Claim::new("t", Kind::Thesis, Text::single("en", "t"));
        t.opposes = vec![];
        let mut a = Claim::new("a", Kind::Claim, Text::single("en", "a"));
        a.supports = vec!["t".into()];
        let mut o = Claim::new("o", Kind::Claim, Text::single("en", "o"));
        o.opposes = vec!["t".into(), "r".into()];
        let mut r = Claim::new("r", Kind::Claim, Text::single("en", "r"));
        r.opposes = vec!["o".into()];
        let mut u = Claim::new("u", Kind::Claim, Text::single("en", "u"));
        u.undercuts = vec!["a".into()];
        let d = Debate::new(
            Text::default(),
            vec!["en".into()],
            vec![],
            vec![t, a, o, r, u],
        );
        let text = String::from_utf8(Iccma.render(&RenderContext::new(&d)).unwrap()).unwrap();
        assert_eq!(
            text,
            "p af 5\n# 1 t\n# 2 a\n# 3 o\n# 4 r\n# 5 u\n3 1\n3 4\n4 3\n5 2\n"
        );
    }

    #[test]
    fn an_undercut_of_an_undercut_attacks_nothing() {
        let t = Claim::new("t", Kind::Thesis, Text::single("en", "t"));
        let mut a = Claim::new("a", Kind::Claim, Text::single("en", "a"));
        a.supports = vec!["t".into()];
        let mut u = Claim::new("u", Kind::Claim, Text::single("en", "u"));
        u.undercuts = vec!["a".into()];
        let mut uu = Claim::new("uu", Kind::Claim, Text::single("en", "uu"));
        uu.undercuts = vec!["u".into()];
        let d = Debate::new(
            Text::default(),
            vec!["en".into()],
            vec![],
            vec![t, a, u, uu],
        );
        let text = String::from_utf8(Iccma.render(&RenderContext::new(&d)).unwrap()).unwrap();
        assert_eq!(text, "p af 4\n# 1 t\n# 2 a\n# 3 u\n# 4 uu\n3 2\n");
    }

    #[test]
    fn no_id_can_break_a_comment_line() {
        let a = Claim::new(
            "a\nb\r\u{85}c\u{2028}d e",
            Kind::Thesis,
            Text::single("en", "a"),
        );
        let mut b = Claim::new("b", Kind::Claim, Text::single("en", "b"));
        b.opposes = vec!["a\nb\r\u{85}c\u{2028}d e".into()];
        let d = Debate::new(Text::default(), vec!["en".into()], vec![], vec![a, b]);
        let text = String::from_utf8(Iccma.render(&RenderContext::new(&d)).unwrap()).unwrap();
        assert_eq!(text, "p af 2\n# 1 a?b??c?d?e\n# 2 b\n2 1\n");
    }

    #[test]
    fn an_empty_debate_is_an_empty_framework() {
        let d = Debate::new(Text::default(), vec!["en".into()], vec![], vec![]);
        let text = String::from_utf8(Iccma.render(&RenderContext::new(&d)).unwrap()).unwrap();
        assert_eq!(text, "p af 0\n");
    }
}
