//! Short strings that repeat throughout a debate (mapping keys, language codes), shared
//! instead of allocated at every use.

use std::cell::RefCell;
use std::sync::Arc;

/// More distinct strings than this is not a real debate (a claim file has a few dozen keys
/// and codes); the rest are simply not cached, so a hostile file cannot grow the cache.
const CACHED: usize = 64;

thread_local! {
    static SEEN: RefCell<Vec<Arc<str>>> = const { RefCell::new(Vec::new()) };
}

/// `text` as a shared string: a clone of the one this thread already holds, if any. A
/// debate of a million claims has about ten million keys and two million language codes,
/// all spelt with a few dozen distinct strings.
pub(crate) fn shared(text: &str) -> Arc<str> {
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if let Some(known) = seen.iter().find(|s| ***s == *text) {
            return known.clone();
        }
        let new: Arc<str> = Arc::from(text);
        if seen.len() < CACHED {
            seen.push(new.clone());
        }
        new
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_shared_and_the_cache_stays_small() {
        assert!(Arc::ptr_eq(&shared("text"), &shared("text")));
        let many: Vec<Arc<str>> = (0..200).map(|i| shared(&format!("k{i}"))).collect();
        assert_eq!(&*many[199], "k199");
        SEEN.with(|seen| assert!(seen.borrow().len() <= CACHED));
    }
}
