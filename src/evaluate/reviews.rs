//! How reviews feed the gradual strengths, when a debate asks for it (`reviews: true` under
//! `evaluation:`). Stated plainly wherever it is used (eval, report, map legend):
//!
//! - a reviewed claim's base score becomes the average of its `confidence` (0.5 when none)
//!   and its reviewers' mean verdict, counting accept 1, dubious 0.5 and reject 0;
//! - each critical question answered "no" weakens every reason the claim is a premise of,
//!   like an undercut whose strength is the share of "no" among the yes/no answers to it;
//! - each review's `link` (strong 1, weak 0.5, none 0) is averaged and scales those reasons
//!   too.
//!
//! The grounded labelling is not affected: reviews are judgements, not attacks in the debate.

use crate::model::{AnswerValue, Debate, LinkStrength, ReviewVerdict};
use std::collections::BTreeMap;

/// Adjusts base scores and sets the link factor of each reviewed claim.
pub fn apply(debate: &Debate, bases: &mut [f64], link_factors: &mut [f64]) {
    let mut by_claim: BTreeMap<usize, Vec<&crate::model::Review>> = BTreeMap::new();
    for r in &debate.reviews {
        if let Some(i) = debate.index_of(&r.claim) {
            by_claim.entry(i).or_default().push(r);
        }
    }
    for (i, reviews) in by_claim {
        let verdict = |v: ReviewVerdict| match v {
            ReviewVerdict::Accept => 1.0,
            ReviewVerdict::Dubious => 0.5,
            ReviewVerdict::Reject => 0.0,
        };
        let mean = reviews.iter().map(|r| verdict(r.verdict)).sum::<f64>() / reviews.len() as f64;
        bases[i] = (bases[i] + mean) / 2.0;
        let mut factor = 1.0;
        let links: Vec<f64> = reviews
            .iter()
            .filter_map(|r| r.link)
            .map(|l| match l {
                LinkStrength::Strong => 1.0,
                LinkStrength::Weak => 0.5,
                LinkStrength::None => 0.0,
            })
            .collect();
        if !links.is_empty() {
            factor *= links.iter().sum::<f64>() / links.len() as f64;
        }
        let mut answers: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for a in reviews.iter().flat_map(|r| &r.answers) {
            let e = answers.entry(a.question.as_str()).or_default();
            match a.answer {
                AnswerValue::No => {
                    e.0 += 1;
                    e.1 += 1;
                }
                AnswerValue::Yes => e.1 += 1,
                AnswerValue::Unsure => {}
            }
        }
        for (no, decided) in answers.into_values() {
            if decided > 0 {
                factor *= 1.0 - no as f64 / decided as f64;
            }
        }
        link_factors[i] = factor;
    }
}

#[cfg(test)]
mod tests {
    use crate::evaluate::network::Network;
    use crate::evaluate::strength::solve;
    use crate::model::{
        Answer, AnswerValue, Claim, Debate, Kind, LinkStrength, Review, ReviewVerdict, Text,
    };

    fn review(
        claim: &str,
        verdict: ReviewVerdict,
        link: Option<LinkStrength>,
        no: &[&str],
    ) -> Review {
        Review {
            reviewer: format!("r{}", no.len()),
            claim: claim.into(),
            verdict,
            link,
            answers: no
                .iter()
                .map(|q| Answer {
                    question: q.to_string(),
                    answer: AnswerValue::No,
                    note: None,
                })
                .collect(),
            comment: None,
            date: None,
            origin: Default::default(),
        }
    }

    #[test]
    fn reviews_move_bases_and_weaken_links_only_when_asked() {
        let mut a = Claim::new("a", Kind::Claim, Text::single("en", "a"));
        a.supports = vec!["t".into()];
        let mut d = Debate::new(
            Text::default(),
            vec!["en".into()],
            vec![],
            vec![Claim::new("t", Kind::Thesis, Text::single("en", "t")), a],
        );
        d.reviews = vec![
            review("a", ReviewVerdict::Reject, Some(LinkStrength::Weak), &[]),
            review(
                "a",
                ReviewVerdict::Accept,
                Some(LinkStrength::Strong),
                &["bias"],
            ),
        ];
        // Off: t = 0.5 + 0.5·0.5.
        assert_eq!(solve(&Network::new(&d), None).values[0], 0.75);
        d.settings.reviews = true;
        // On: a's base (0.5 + mean(0, 1)) / 2 = 0.5; link (0.5 + 1) / 2 = 0.75, and one "no"
        // of one decided answer to `bias` cuts the link to 0: t keeps its base.
        let net = Network::new(&d);
        assert_eq!(net.base(1), 0.5);
        assert_eq!(solve(&net, None).values[0], 0.5);
    }
}
