//! A bound on the closest-passage search of one run. Looking for the passage nearest to a
//! quote that is not in its source scans the whole source, so 8,000 such quotes against a
//! 1.4 MB source took 36 s. Each search now pays, before it starts, for the characters it
//! will compare; once the run's budget is spent, the remaining quotes are reported not found
//! without a closest passage, and their diagnostic says why.

use std::sync::atomic::{AtomicU64, Ordering};

/// Characters of source compared across every closest-passage search of one run by
/// default: one or two seconds (a pass costs about 20 ns a character).
pub const DEFAULT_SEARCH_BUDGET: u64 = 100_000_000;

/// Work allowed to closest-passage searches, shared by every source and thread of a run.
#[derive(Debug)]
pub struct SearchBudget {
    limit: u64,
    left: AtomicU64,
}

impl SearchBudget {
    /// A budget of `limit` characters compared.
    pub fn new(limit: u64) -> SearchBudget {
        SearchBudget {
            limit,
            left: AtomicU64::new(limit),
        }
    }

    /// A budget that never runs out (single lookups, tests).
    pub fn unlimited() -> SearchBudget {
        SearchBudget::new(u64::MAX)
    }

    /// The budget it started with.
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// Pays `cost` if that much is left; `false` (paying nothing) otherwise.
    pub fn take(&self, cost: u64) -> bool {
        self.left
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(cost)
            })
            .is_ok()
    }
}

/// What one closest-passage search costs: a pass over the source's characters, plus the
/// edit-distance comparison of the few best passages for a short quote.
pub(super) fn cost(
    source_chars: usize,
    quote_chars: usize,
    edit_limit: usize,
    candidates: usize,
) -> u64 {
    let q = quote_chars as u64;
    let edits = if quote_chars <= edit_limit {
        candidates as u64 * q * (q + q / 3 + 1)
    } else {
        0
    };
    source_chars as u64 + edits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_pays_until_it_is_spent_and_never_goes_below_zero() {
        let b = SearchBudget::new(10);
        assert!(b.take(6));
        assert!(!b.take(6));
        assert!(b.take(4));
        assert!(!b.take(1));
        assert_eq!(b.limit(), 10);
    }
}
