//! Splitting independent work across the cores with scoped threads: the machine this tool
//! runs on in class has two, and big debates are mostly independent per file or per claim.

/// `items.iter().map(f)` on every core, in order. Below `min` items it runs in place, since
/// threads cost more than they save on small inputs. A part whose thread panicked is mapped
/// again on the calling thread, so a panic there surfaces normally.
pub(crate) fn map<T: Sync, U: Send>(items: &[T], min: usize, f: impl Fn(&T) -> U + Sync) -> Vec<U> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads == 1 || items.len() < min.max(2) {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                (
                    part,
                    s.spawn(move || part.iter().map(f).collect::<Vec<U>>()),
                )
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|(part, h)| h.join().unwrap_or_else(|_| part.iter().map(f).collect()))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order_on_any_size() {
        for n in [0, 1, 5, 1_000, 10_001] {
            let items: Vec<usize> = (0..n).collect();
            let doubled: Vec<usize> = items.iter().map(|x| x * 2).collect();
            assert_eq!(super::map(&items, 10, |x| x * 2), doubled);
        }
    }
}
