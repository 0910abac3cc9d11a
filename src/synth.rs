//! Synthetic debates of any size, for benchmarks and scale tests.
//!
//! Real debates are small; the speed targets (impacts of a 10,000-claim debate in under a
//! second, checks of 100,000 claims) need big ones with a realistic shape. The generator is
//! deterministic (a fixed seed gives the same debate on every machine) and builds the model
//! directly, so benchmarks measure evaluation, not YAML parsing.

use crate::model::{Claim, Debate, Kind, Text};

/// The shape of a generated debate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Like a class debate, only bigger: a thesis; each claim has a few reasons, mostly
    /// supports, about a fifth objections, some rebuttals, linked reasons, undercuts, a few
    /// mutual attacks (cycles), and evidence at the leaves.
    Tree,
    /// One chain of supports down from the thesis: the deepest debate of its size, the worst
    /// case for anything that walks from a claim up to the thesis.
    Chain,
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// Number of claims, thesis included (at least 1).
    pub claims: usize,
    /// Seed of the pseudo-random choices.
    pub seed: u64,
    /// The shape.
    pub shape: Shape,
}

/// SplitMix64: tiny, fast and good enough for choosing relations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }
}

/// The id of the generated source document that evidence quotes.
pub const SOURCE_ID: &str = "generated-source";
/// Sentences in the generated source document.
const SOURCE_SENTENCES: usize = 500;

/// Sentence `k` of the generated source (Bengali, with conjuncts, so quote matching and
/// wrapping work on real script).
fn source_sentence(k: usize) -> String {
    format!("উৎসের {k} নম্বর বাক্য: বিপ্লব, প্রতিবিপ্লব ও রক্তক্ষয়ের সাক্ষ্য {k}।")
}

/// The generated source document: every sentence evidence may quote, one per line.
pub fn source_text() -> String {
    (0..SOURCE_SENTENCES)
        .map(|k| source_sentence(k) + "\n")
        .collect()
}

/// A claim text in English and Bengali.
fn bilingual(i: usize) -> Text {
    let mut t = Text::single(
        "en",
        format!("Generated claim {i}: force decided the outcome in case {i}."),
    );
    t.insert(
        "bn",
        format!("উৎপন্ন দাবি {i}: এই ক্ষেত্রে বলপ্রয়োগই ফলাফল নির্ধারণ করেছিল।"),
    );
    t
}

/// The generated debate as files: `claimmap.yaml`, the source document, and claim files of
/// about 1,000 claims each, as (path relative to the debate folder, text).
pub fn to_files(debate: &Debate) -> Vec<(String, String)> {
    use crate::import::write;
    use crate::model::Source;
    let source = Source {
        id: SOURCE_ID.into(),
        title: Text::single("en", "Generated source"),
        path: Some("sources/generated.txt".into()),
        url: None,
        author: None,
        date: None,
        note: None,
        origin: Default::default(),
    };
    let mut files = vec![
        (
            "claimmap.yaml".to_string(),
            write::config(
                &debate.title,
                &debate.languages,
                &[source],
                "claimmap::synth",
            ),
        ),
        ("sources/generated.txt".to_string(), source_text()),
    ];
    for (k, chunk) in debate.claims.chunks(1_000).enumerate() {
        files.push((
            format!("claims/part-{k:04}.yaml"),
            write::claims(chunk, "claimmap::synth"),
        ));
    }
    files
}

/// Generates a debate.
pub fn generate(spec: &Spec) -> Debate {
    let n = spec.claims.max(1);
    let mut rng = Rng(spec.seed);
    let mut claims: Vec<Claim> = Vec::with_capacity(n);
    claims.push(Claim::new(
        "c0",
        Kind::Thesis,
        Text::single("en", "Generated thesis"),
    ));
    // `open` holds claims that still take reasons, as in breadth-first growth: each claim
    // gets a few reasons, so depth grows with the logarithm of the size.
    let mut open: Vec<usize> = vec![0];
    let mut next_open = 0;
    while claims.len() < n {
        let i = claims.len();
        let (parent, leaf) = match spec.shape {
            Shape::Chain => (i - 1, false),
            Shape::Tree => {
                let parent = open[next_open.min(open.len() - 1)];
                // About three children per claim before moving on.
                if rng.chance(0.34) {
                    next_open += 1;
                }
                (parent, rng.chance(0.35))
            }
        };
        let id = format!("c{i}");
        let kind = if leaf { Kind::Evidence } else { Kind::Claim };
        let mut claim = Claim::new(&id, kind, bilingual(i));
        let target = claims[parent].id.clone();
        let objection = spec.shape == Shape::Tree && rng.chance(0.4);
        if leaf {
            // Evidence quotes one sentence of the generated source document.
            claim.source = Some(SOURCE_ID.to_string());
            claim.locator = Some(format!("sentence {}", i % SOURCE_SENTENCES + 1));
            claim.quote = Some(source_sentence(i % SOURCE_SENTENCES));
        }
        if objection {
            claim.opposes.push(target.clone());
        } else {
            claim.supports.push(target.clone());
        }
        if spec.shape == Shape::Tree && rng.chance(0.5) {
            claim.confidence = Some((rng.below(101) as f64) / 100.0);
        }
        claims.push(claim);
        if !leaf {
            open.push(i);
        }
        if spec.shape != Shape::Tree || claims.len() >= n {
            continue;
        }
        // A co-premise linked with the claim just added, arguing the same way.
        if rng.chance(0.05) {
            let j = claims.len();
            let mut partner = Claim::new(
                format!("c{j}"),
                Kind::Claim,
                Text::single("en", format!("Generated co-premise {j}")),
            );
            partner.with.push(id.clone());
            if objection {
                partner.opposes.push(target);
            } else {
                partner.supports.push(target);
            }
            claims[i].with.push(partner.id.clone());
            claims.push(partner);
        } else if rng.chance(0.02) && i > 1 {
            // An undercut of a reason somewhere above.
            let victim = 1 + rng.below(i - 1);
            let j = claims.len();
            let mut u = Claim::new(
                format!("c{j}"),
                Kind::Claim,
                Text::single("en", format!("Generated undercut {j}")),
            );
            u.undercuts.push(claims[victim].id.clone());
            claims.push(u);
        } else if rng.chance(0.01) && objection {
            // A rival that the objection attacks back: a mutual attack, a cycle.
            let j = claims.len();
            let mut rival = Claim::new(
                format!("c{j}"),
                Kind::Claim,
                Text::single("en", format!("Generated rival {j}")),
            );
            rival.opposes.push(id.clone());
            claims[i].opposes.push(rival.id.clone());
            claims.push(rival);
        }
    }
    Debate::new(
        Text::single("en", "Generated debate"),
        vec!["en".into(), "bn".into()],
        Vec::new(),
        claims,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_debate_and_every_claim_reaches_the_thesis() {
        for shape in [Shape::Tree, Shape::Chain] {
            let spec = Spec {
                claims: 2_000,
                seed: 7,
                shape,
            };
            let a = generate(&spec);
            let b = generate(&spec);
            assert_eq!(a.claims.len(), 2_000);
            let ids = |d: &Debate| d.claims.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(&a), ids(&b));
            assert!(a.connected_to_thesis().iter().all(|&x| x), "{shape:?}");
        }
    }

    #[test]
    fn written_files_check_without_errors() {
        let d = generate(&Spec {
            claims: 2_500,
            seed: 3,
            shape: Shape::Tree,
        });
        let dir = tempfile::tempdir().unwrap();
        for (rel, text) in to_files(&d) {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let checked = crate::check(dir.path(), &Default::default()).unwrap();
        assert_eq!(
            checked.diagnostics.counts().0,
            0,
            "{}",
            checked.diagnostics.render(false)
        );
        assert_eq!(checked.debate.claims.len(), 2_500);
        assert!(checked.stats.quotes_verified > 500);
    }

    #[test]
    fn the_tree_has_every_kind_of_relation() {
        let d = generate(&Spec {
            claims: 5_000,
            seed: 1,
            shape: Shape::Tree,
        });
        let count = |f: fn(&Claim) -> bool| d.claims.iter().filter(|c| f(c)).count();
        assert!(count(|c| !c.opposes.is_empty()) > 500);
        assert!(count(|c| !c.with.is_empty()) > 50);
        assert!(count(|c| !c.undercuts.is_empty()) > 10);
        assert!(count(|c| c.kind == Kind::Evidence) > 1000);
        let net = crate::evaluate::network::Network::new(&d);
        assert!(net.cyclic.iter().any(|&c| c), "some mutual attacks");
    }
}
