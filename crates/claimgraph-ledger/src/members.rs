//! The writer's memory of each proposition's latest members.
//!
//! Every aligned claim is compared with the latest
//! [`crate::align::MAX_MEMBERS`] claims of its proposition. Reading them
//! from SQLite (the claims, their documents' origins and the entities each
//! is about: some fifty scattered rows per new claim on a large ledger) was
//! a tenth of the ingest writer's time. The writer is the only one that adds
//! members, so it can keep the lists itself: a list is read from the file
//! once, the first time its proposition gets a new claim in this writer's
//! life, and then extended as claims join.
//!
//! The memory is bounded: past [`MAX_CACHED_MEMBERS`] members the whole
//! cache is dropped and refills from the file. It is also dropped when a
//! transaction rolls back, since it may then hold claims that were never
//! stored.

use std::collections::VecDeque;

use rustc_hash::FxHashMap;

use crate::align::{ClaimFacts, MAX_MEMBERS};

/// Most members held across all propositions (about 150 bytes each).
pub const MAX_CACHED_MEMBERS: usize = 600_000;

/// A stored claim as a proposition member: the facts the relation rule
/// reads and the entities the claim is about (which a new relation with it
/// involves).
#[derive(Debug, Clone)]
pub struct Member {
    /// The claim's facts, its speaker as stored (before merge redirects).
    pub facts: ClaimFacts,
    /// Entity rows the claim is about.
    pub about: Vec<i64>,
}

/// Latest members per proposition, oldest first.
#[derive(Debug, Default)]
pub struct MemberCache {
    lists: FxHashMap<i64, VecDeque<Member>>,
    held: usize,
}

impl MemberCache {
    /// The cached members of `prop`, oldest first, if its list was loaded.
    pub fn get(&self, prop: i64) -> Option<&VecDeque<Member>> {
        self.lists.get(&prop)
    }

    /// Keeps the list read from the file for `prop` (members in any
    /// order; kept oldest first by claim row).
    pub fn load(&mut self, prop: i64, mut members: Vec<Member>) {
        members.sort_by_key(|m| m.facts.claim);
        let start = members.len().saturating_sub(MAX_MEMBERS);
        let list: VecDeque<Member> = members.drain(start..).collect();
        self.make_room(list.len());
        self.held += list.len();
        if let Some(old) = self.lists.insert(prop, list) {
            self.held -= old.len();
        }
    }

    /// Adds a new member to a loaded list, dropping the oldest past
    /// [`MAX_MEMBERS`]. Does nothing for a list never loaded (it will be
    /// read from the file, new member included, when needed).
    pub fn push(&mut self, prop: i64, member: Member) {
        if !self.lists.contains_key(&prop) {
            return;
        }
        self.make_room(1);
        // `make_room` may have dropped the list.
        let Some(list) = self.lists.get_mut(&prop) else { return };
        list.push_back(member);
        self.held += 1;
        if list.len() > MAX_MEMBERS {
            list.pop_front();
            self.held -= 1;
        }
    }

    /// Takes the list of `prop` out of the cache, to be given back with
    /// [`MemberCache::restore`].
    pub fn take(&mut self, prop: i64) -> Option<VecDeque<Member>> {
        let list = self.lists.remove(&prop)?;
        self.held -= list.len();
        Some(list)
    }

    /// Gives back a list taken with [`MemberCache::take`].
    pub fn restore(&mut self, prop: i64, list: VecDeque<Member>) {
        self.make_room(list.len());
        self.held += list.len();
        if let Some(old) = self.lists.insert(prop, list) {
            self.held -= old.len();
        }
    }

    /// Forgets everything (after a rollback, or to bound memory).
    pub fn clear(&mut self) {
        self.lists.clear();
        self.held = 0;
    }

    /// Members held, across all propositions.
    pub fn len(&self) -> usize {
        self.held
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.held == 0
    }

    fn make_room(&mut self, adding: usize) {
        if self.held + adding > MAX_CACHED_MEMBERS {
            self.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(claim: i64) -> Member {
        Member {
            facts: ClaimFacts {
                claim,
                doc: claim,
                origin: claim,
                speaker: None,
                speaker_key: String::new(),
                affirms: true,
                numbers: Vec::new(),
            },
            about: vec![claim * 10],
        }
    }

    fn claims(cache: &MemberCache, prop: i64) -> Vec<i64> {
        cache.get(prop).map(|l| l.iter().map(|m| m.facts.claim).collect()).unwrap_or_default()
    }

    #[test]
    fn loaded_lists_are_oldest_first_and_capped() {
        let mut cache = MemberCache::default();
        cache.load(7, (1..=(MAX_MEMBERS as i64 + 5)).rev().map(member).collect());
        let got = claims(&cache, 7);
        assert_eq!(got.len(), MAX_MEMBERS);
        assert_eq!(got[0], 6);
        assert_eq!(*got.last().unwrap(), MAX_MEMBERS as i64 + 5);
        assert_eq!(cache.len(), MAX_MEMBERS);
    }

    #[test]
    fn push_extends_only_loaded_lists_and_drops_the_oldest() {
        let mut cache = MemberCache::default();
        cache.push(1, member(1));
        assert!(cache.get(1).is_none(), "an unloaded list stays unloaded");
        cache.load(2, (1..=MAX_MEMBERS as i64).map(member).collect());
        cache.push(2, member(1000));
        let got = claims(&cache, 2);
        assert_eq!(got.len(), MAX_MEMBERS);
        assert_eq!(got[0], 2);
        assert_eq!(*got.last().unwrap(), 1000);
        assert_eq!(cache.get(2).unwrap().back().unwrap().about, vec![10_000]);
    }

    #[test]
    fn a_taken_list_comes_back_whole() {
        let mut cache = MemberCache::default();
        cache.load(4, vec![member(1), member(2)]);
        let list = cache.take(4).expect("loaded");
        assert!(cache.get(4).is_none());
        assert!(cache.is_empty());
        cache.restore(4, list);
        assert_eq!(claims(&cache, 4), vec![1, 2]);
        assert_eq!(cache.len(), 2);
    }

    #[test]
    fn clear_forgets_everything() {
        let mut cache = MemberCache::default();
        cache.load(3, vec![member(1), member(2)]);
        assert_eq!(cache.len(), 2);
        cache.clear();
        assert!(cache.is_empty());
        assert!(cache.get(3).is_none());
    }
}
