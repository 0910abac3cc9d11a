//! The template context: a plain, serialisable view of the debate (texts already in the display
//! language, relations already resolved to links), so the model can change without breaking
//! users' templates. The README documents it.

use super::escape::anchor;
use super::labels::{Labels, labels};
use crate::model::{Claim, Debate, Kind, Link, QuoteStatus, ReasonRole, Source};
use crate::render::RenderContext;
use serde::Serialize;

/// The deepest nesting of the report's claim lists. A long chain of reasons would otherwise
/// indent every claim two more spaces than the one before, and the report would grow with the
/// square of the chain's length; deeper claims stay at this indentation and show their level.
pub(super) const MAX_LIST_DEPTH: usize = 8;

/// How many co-premises (or premises of an undercut link) one entry names before it only
/// counts the rest. Every premise of a linked reason is an entry of its own beside the others,
/// so naming the whole group at each of them would make the report grow with the square of
/// the group (5,000 co-premises: 640 MB); the reader finds the full group as its siblings.
pub(super) const MAX_LISTED_PREMISES: usize = 8;

/// The whole context of the report template.
#[derive(Serialize)]
pub(super) struct ReportView<'a> {
    title: String,
    lang: &'a str,
    languages: &'a [String],
    t: &'static Labels,
    map_image: Option<&'a str>,
    stats: StatsView,
    theses: Vec<ThesisView>,
    unconnected: Vec<EntryView>,
    warnings: Vec<WarningView>,
    sources: Vec<SourceView>,
    /// `None` with `--no-eval`.
    evaluation: Option<super::eval_view::EvalView>,
    /// Per author and reviewer: what they wrote.
    contributions: Vec<super::contrib::ContributionView>,
    /// The map as Mermaid source, with `--mermaid`.
    mermaid: Option<String>,
}

#[derive(Serialize)]
struct StatsView {
    theses: usize,
    claims: usize,
    evidence: usize,
    quotes: usize,
    verified: usize,
    sources: usize,
    warnings: usize,
    unconnected: usize,
}

#[derive(Serialize)]
struct ThesisView {
    #[serde(flatten)]
    claim: EntryView,
    /// The claims below the thesis, in tree order, `level` 0 for its direct reasons.
    tree: Vec<EntryView>,
}

/// A claim as met at one place of the tree.
#[derive(Serialize)]
struct EntryView {
    id: String,
    anchor: String,
    kind: Kind,
    role: &'static str,
    marker: &'static str,
    depth: usize,
    level: usize,
    /// `level`, but at most [`MAX_LIST_DEPTH`]: how deep the list item is nested.
    indent: usize,
    /// The entry is nested [`MAX_LIST_DEPTH`] levels deep or more, so the list no longer shows
    /// its level and the template writes it out.
    deep: bool,
    repeat: bool,
    text: String,
    text_lang: String,
    fallback: bool,
    translations: Vec<Translation>,
    author: Option<String>,
    tags: Vec<String>,
    note: Option<String>,
    scheme: Option<String>,
    confidence: Option<f64>,
    file: String,
    line: usize,
    location: String,
    parent: Option<LinkView>,
    /// At most [`MAX_LISTED_PREMISES`] of the other premises of the reason it is part of.
    co_premises: Vec<LinkView>,
    /// How many co-premises `co_premises` leaves out.
    co_premises_more: usize,
    undercut_by: Vec<LinkView>,
    attacks: Option<AttackView>,
    undercuts: Vec<LinkView>,
    supporters: Vec<ReasonView>,
    objections: Vec<ReasonView>,
    rebuttals: Vec<ReasonView>,
    evidence: Option<EvidenceView>,
    /// How the claim's reviews came out, e.g. "2 accept, 1 dubious".
    reviews: Option<String>,
    /// Critical questions of its scheme that no review answered.
    open_questions: Vec<String>,
}

#[derive(Serialize)]
struct Translation {
    lang: String,
    text: String,
}

#[derive(Serialize, Clone)]
pub(super) struct LinkView {
    id: String,
    anchor: String,
    kind: Kind,
    text: String,
}

#[derive(Serialize)]
struct ReasonView {
    premises: Vec<LinkView>,
    undercut_by: Vec<LinkView>,
}

/// What an undercutter attacks: the link from these premises to this conclusion.
#[derive(Serialize)]
struct AttackView {
    /// At most [`MAX_LISTED_PREMISES`] of them.
    premises: Vec<LinkView>,
    /// How many premises `premises` leaves out.
    premises_more: usize,
    conclusion: LinkView,
}

#[derive(Serialize)]
struct EvidenceView {
    quote: Option<String>,
    source: Option<SourceRef>,
    locator: Option<String>,
    status: &'static str,
    source_line: Option<usize>,
}

#[derive(Serialize)]
struct SourceRef {
    id: String,
    anchor: String,
    title: String,
    path: Option<String>,
    url: Option<String>,
}

#[derive(Serialize)]
struct WarningView {
    code: &'static str,
    message: String,
    help: Option<String>,
    file: String,
    line: usize,
    location: String,
}

#[derive(Serialize)]
struct SourceView {
    id: String,
    anchor: String,
    title: String,
    path: Option<String>,
    url: Option<String>,
    host: Option<String>,
    quotes: usize,
    verified: usize,
    unverifiable: usize,
    not_found: usize,
    file: String,
    line: usize,
    location: String,
}

/// The anchor of a claim: `claim-<id>`.
fn claim_anchor(id: &str) -> String {
    format!("claim-{}", anchor(id))
}

fn location(file: &str, line: usize) -> String {
    match (file.is_empty(), line) {
        (true, _) => String::new(),
        (false, 0) => file.to_string(),
        (false, l) => format!("{file}:{l}"),
    }
}

/// The language a text is shown in: `lang`, else the first of the debate's languages it has,
/// else its first (the same rule as [`crate::model::Text::get`]).
fn shown_lang(claim: &Claim, lang: &str, languages: &[String]) -> String {
    if claim.text.has(lang) {
        return lang.to_string();
    }
    languages
        .iter()
        .find(|l| claim.text.has(l))
        .cloned()
        .or_else(|| claim.text.langs().next().map(str::to_string))
        .unwrap_or_default()
}

pub(super) struct Builder<'c, 'a> {
    pub(super) ctx: &'c RenderContext<'a>,
    pub(super) d: &'a Debate,
}

impl Builder<'_, '_> {
    pub(super) fn link(&self, i: usize) -> LinkView {
        let c = &self.d.claims[i];
        LinkView {
            id: c.id.clone(),
            anchor: claim_anchor(&c.id),
            kind: c.kind,
            text: self.ctx.text(i).to_string(),
        }
    }

    fn links(&self, v: &[usize]) -> Vec<LinkView> {
        v.iter().map(|&i| self.link(i)).collect()
    }

    /// The first [`MAX_LISTED_PREMISES`] of `v` other than `except`, and how many are left.
    fn capped_links(&self, v: &[usize], except: Option<usize>) -> (Vec<LinkView>, usize) {
        let shown: Vec<LinkView> = v
            .iter()
            .copied()
            .filter(|&p| Some(p) != except)
            .take(MAX_LISTED_PREMISES)
            .map(|i| self.link(i))
            .collect();
        // Counted, not walked: walking the rest at each of 100,000 co-premises is quadratic.
        // Premises are sorted, so finding `except` among them is a binary search.
        let others = v.len() - usize::from(except.is_some_and(|e| v.binary_search(&e).is_ok()));
        let more = others.saturating_sub(shown.len());
        (shown, more)
    }

    fn source_ref(&self, s: &Source) -> SourceRef {
        SourceRef {
            id: s.id.clone(),
            anchor: format!("source-{}", anchor(&s.id)),
            title: source_title(s, self.ctx),
            path: s.path.clone(),
            url: s.url.clone(),
        }
    }

    fn entry(
        &self,
        claim: usize,
        depth: usize,
        level: usize,
        link: Link,
        repeat: bool,
    ) -> EntryView {
        let d = self.d;
        let c = &d.claims[claim];
        let text_lang = shown_lang(c, &self.ctx.lang, &d.languages);
        let (role, marker, parent, (co_premises, co_premises_more), undercut_by, attacks) =
            match link {
                Link::Root => {
                    let role = if c.kind == Kind::Thesis {
                        "thesis"
                    } else {
                        "root"
                    };
                    (role, "", None, (vec![], 0), vec![], None)
                }
                Link::Premise(ri) => {
                    let r = &d.reasons()[ri];
                    let (role, marker) = match r.role {
                        ReasonRole::Support => ("support", "+"),
                        ReasonRole::Objection => ("objection", "−"),
                        ReasonRole::Rebuttal => ("rebuttal", "↩"),
                    };
                    (
                        role,
                        marker,
                        Some(self.link(r.conclusion)),
                        self.capped_links(&r.premises, Some(claim)),
                        self.links(&r.undercutters),
                        None,
                    )
                }
                Link::Undercut(ri) => {
                    let r = &d.reasons()[ri];
                    let (premises, premises_more) = self.capped_links(&r.premises, None);
                    let attack = AttackView {
                        premises,
                        premises_more,
                        conclusion: self.link(r.conclusion),
                    };
                    (
                        "undercut",
                        "⊘",
                        Some(self.link(r.conclusion)),
                        (vec![], 0),
                        vec![],
                        Some(attack),
                    )
                }
            };
        let mut supporters = Vec::new();
        let mut objections = Vec::new();
        let mut rebuttals = Vec::new();
        // A repeat refers to the claim's first entry, which has these lists: building them
        // again for every repeat made a clique of 300 objections (90,000 repeats of 299
        // objections each) take half a minute for a report that prints none of them.
        for (_, r) in d.reasons_for(claim).filter(|_| !repeat) {
            let view = ReasonView {
                premises: self.links(&r.premises),
                undercut_by: self.links(&r.undercutters),
            };
            match r.role {
                ReasonRole::Support => supporters.push(view),
                ReasonRole::Objection => objections.push(view),
                ReasonRole::Rebuttal => rebuttals.push(view),
            }
        }
        let undercuts = c
            .undercuts
            .iter()
            .filter_map(|id| d.index_of(id))
            .map(|i| self.link(i))
            .collect();
        let evidence = (c.quote.is_some() || c.source.is_some()).then(|| EvidenceView {
            quote: c.quote.clone(),
            source: c.source.as_deref().map(|id| match d.source(id) {
                Some(s) => self.source_ref(s),
                None => SourceRef {
                    id: id.to_string(),
                    anchor: format!("source-{}", anchor(id)),
                    title: id.to_string(),
                    path: None,
                    url: None,
                },
            }),
            locator: c.locator.clone(),
            status: match c.quote_status {
                QuoteStatus::None => "none",
                QuoteStatus::Verified { .. } => "verified",
                QuoteStatus::Unverifiable => "unverifiable",
                QuoteStatus::NotFound => "not-found",
            },
            source_line: match c.quote_status {
                QuoteStatus::Verified { line } => Some(line),
                _ => None,
            },
        });
        EntryView {
            id: c.id.clone(),
            anchor: claim_anchor(&c.id),
            kind: c.kind,
            role,
            marker,
            depth,
            level,
            indent: level.min(MAX_LIST_DEPTH),
            deep: level >= MAX_LIST_DEPTH,
            repeat,
            text: self.ctx.text(claim).to_string(),
            fallback: !text_lang.is_empty() && text_lang != self.ctx.lang,
            translations: c
                .text
                .iter()
                .filter(|(l, _)| *l != text_lang)
                .map(|(l, t)| Translation {
                    lang: l.to_string(),
                    text: t.to_string(),
                })
                .collect(),
            text_lang,
            author: c.author.clone(),
            tags: c.tags.clone(),
            note: c.note.clone(),
            scheme: c.scheme.clone(),
            confidence: c.confidence,
            file: c.origin.file.to_string(),
            line: c.origin.line,
            location: location(&c.origin.file, c.origin.line),
            parent,
            co_premises,
            co_premises_more,
            undercut_by,
            attacks,
            undercuts,
            supporters,
            objections,
            rebuttals,
            evidence,
            reviews: crate::render::vocab::review_summary(d.reviews_of(claim), &self.ctx.lang),
            open_questions: crate::render::vocab::open_questions(d, claim)
                .into_iter()
                .map(str::to_string)
                .collect(),
        }
    }
}

fn source_title(s: &Source, ctx: &RenderContext<'_>) -> String {
    let title = s.title.get(&ctx.lang, &ctx.debate.languages);
    if title.is_empty() {
        s.id.clone()
    } else {
        title.to_string()
    }
}

/// The host of an http(s) address, as a short link text (`www.example.org`).
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    (!host.is_empty()).then(|| host.to_string())
}

/// The context the report templates get, as JSON-like data (documented in the README): the
/// model flattened into what a report shows, texts in the display language, relations as links.
/// Public for `--format json`-style debugging of custom templates and for tests.
pub fn report_context(ctx: &RenderContext<'_>) -> serde_json::Value {
    serde_json::to_value(report_view(ctx)).unwrap_or_default()
}

/// The view behind [`report_context`], which the renderer hands to minijinja directly.
pub(super) fn report_view<'c>(ctx: &'c RenderContext<'_>) -> ReportView<'c> {
    let d = ctx.debate;
    let b = Builder { ctx, d };
    let mut theses: Vec<ThesisView> = Vec::new();
    let mut unconnected: Vec<EntryView> = Vec::new();
    let mut in_thesis = false;
    for e in d.tree_order() {
        if e.depth == 0 {
            in_thesis = d.claims[e.claim].kind == Kind::Thesis;
            if in_thesis {
                theses.push(ThesisView {
                    claim: b.entry(e.claim, 0, 0, e.link, e.repeat),
                    tree: Vec::new(),
                });
                continue;
            }
        }
        match theses.last_mut() {
            Some(t) if in_thesis => {
                t.tree
                    .push(b.entry(e.claim, e.depth, e.depth - 1, e.link, e.repeat));
            }
            _ => unconnected.push(b.entry(e.claim, e.depth, e.depth, e.link, e.repeat)),
        }
    }
    let mut sources: Vec<SourceView> = d
        .sources
        .iter()
        .map(|s| SourceView {
            id: s.id.clone(),
            anchor: format!("source-{}", anchor(&s.id)),
            title: source_title(s, ctx),
            path: s.path.clone(),
            url: s.url.clone(),
            host: s.url.as_deref().and_then(url_host),
            quotes: 0,
            verified: 0,
            unverifiable: 0,
            not_found: 0,
            file: s.origin.file.to_string(),
            line: s.origin.line,
            location: location(&s.origin.file, s.origin.line),
        })
        .collect();
    for c in d.claims.iter().filter(|c| c.quote.is_some()) {
        let Some(s) = sources
            .iter_mut()
            .find(|s| Some(&s.id) == c.source.as_ref())
        else {
            continue;
        };
        s.quotes += 1;
        match c.quote_status {
            QuoteStatus::Verified { .. } => s.verified += 1,
            QuoteStatus::Unverifiable => s.unverifiable += 1,
            QuoteStatus::NotFound => s.not_found += 1,
            QuoteStatus::None => {}
        }
    }
    let unconnected_count = unconnected.iter().filter(|e| !e.repeat).count();
    ReportView {
        title: {
            let title = d.title.get(&ctx.lang, &d.languages);
            if title.is_empty() {
                labels(&ctx.lang).untitled.to_string()
            } else {
                title.to_string()
            }
        },
        evaluation: super::eval_view::eval_view(&b),
        contributions: super::contrib::contributions(d),
        mermaid: ctx.mermaid.then(|| crate::render::mermaid::to_mermaid(ctx)),
        lang: &ctx.lang,
        languages: &d.languages,
        t: labels(&ctx.lang),
        map_image: ctx.map_image.as_deref(),
        stats: StatsView {
            theses: d.theses().count(),
            claims: d.claims.len(),
            evidence: d.claims.iter().filter(|c| c.kind == Kind::Evidence).count(),
            quotes: sources.iter().map(|s| s.quotes).sum(),
            verified: sources.iter().map(|s| s.verified).sum(),
            sources: d.sources.len(),
            warnings: ctx.warnings.len(),
            unconnected: unconnected_count,
        },
        theses,
        unconnected,
        warnings: ctx
            .warnings
            .iter()
            .map(|w| WarningView {
                code: w.code,
                message: w.message.clone(),
                help: w.help.clone(),
                file: w.file.clone(),
                line: w.line,
                location: location(&w.file, w.line),
            })
            .collect(),
        sources,
    }
}
