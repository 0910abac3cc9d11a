//! Finding a claim by its id without keeping a second copy of every id.

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};

/// Claim positions by id. A `HashMap<String, usize>` holds its own copy of every id: on a
/// debate of a million claims, a million small allocations made on one thread after
/// parsing, and about 70 MB. This keeps only each id's 64-bit hash and looks the id itself
/// up in the claims it indexes; ids whose hashes collide (practically never) are kept whole.
#[derive(Debug, Default, Clone)]
pub(crate) struct IdIndex {
    state: RandomState,
    by_hash: HashMap<u64, usize, BuildHasherDefault<AlreadyHashed>>,
    collided: HashMap<String, usize>,
}

impl IdIndex {
    /// Indexes the `count` ids that `id_at(0..count)` gives; where an id repeats, the last
    /// one wins (validation has reported it).
    pub(crate) fn new<'a>(count: usize, id_at: impl Fn(usize) -> &'a str) -> IdIndex {
        let mut index = IdIndex {
            by_hash: HashMap::with_capacity_and_hasher(count, Default::default()),
            ..IdIndex::default()
        };
        for i in 0..count {
            let id = id_at(i);
            match index.by_hash.entry(index.state.hash_one(id)) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(i);
                }
                std::collections::hash_map::Entry::Occupied(mut slot) => {
                    if id_at(*slot.get()) == id {
                        slot.insert(i);
                    } else {
                        index.collided.insert(id.to_string(), i);
                    }
                }
            }
        }
        index
    }

    /// The position of `id`, where `id_at(i)` is the id at position `i` of what was indexed.
    pub(crate) fn get<'a>(
        &self,
        id: &str,
        id_at: impl Fn(usize) -> Option<&'a str>,
    ) -> Option<usize> {
        if let Some(&i) = self.by_hash.get(&self.state.hash_one(id))
            && id_at(i) == Some(id)
        {
            return Some(i);
        }
        self.collided.get(id).copied()
    }
}

/// The keys of `by_hash` are hashes already; hashing them again would only cost time.
#[derive(Debug, Default, Clone)]
pub(crate) struct AlreadyHashed(u64);

impl Hasher for AlreadyHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed here; fold anything else in so it still works.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_id_and_nothing_else() {
        let ids: Vec<String> = (0..10_000).map(|i| format!("claim-{i}")).collect();
        let index = IdIndex::new(ids.len(), |k| &ids[k]);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(index.get(id, |k| ids.get(k).map(String::as_str)), Some(i));
        }
        assert_eq!(
            index.get("claim-10000", |k| ids.get(k).map(String::as_str)),
            None
        );
        assert_eq!(index.get("", |k| ids.get(k).map(String::as_str)), None);
    }

    #[test]
    fn colliding_hashes_still_find_both_ids() {
        // Force a collision: index two ids, then move the second into the collided map as
        // the constructor does when two different ids share a hash.
        let ids = ["a", "b"];
        let mut index = IdIndex::new(ids.len(), |k| ids[k]);
        let hash_b = index.state.hash_one("b");
        index.by_hash.remove(&hash_b);
        index.collided.insert("b".into(), 1);
        assert_eq!(index.get("a", |k| ids.get(k).copied()), Some(0));
        assert_eq!(index.get("b", |k| ids.get(k).copied()), Some(1));
    }

    #[test]
    fn a_repeated_id_finds_the_last() {
        let ids = ["x", "y", "x"];
        let index = IdIndex::new(ids.len(), |k| ids[k]);
        assert_eq!(index.get("x", |k| ids.get(k).copied()), Some(2));
    }
}
