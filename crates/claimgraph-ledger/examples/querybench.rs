//! Query latency of a ledger: entity pages and conflicts of one entity,
//! for entities drawn at random (seeded), reported as percentiles.
//!
//! ```text
//! cargo run --release -p claimgraph-ledger --example querybench -- DB [--samples 500] [--seed 1] [--limit 20]
//! ```

use std::path::PathBuf;
use std::time::Instant;

use claimgraph_ledger::synth::Rng;
use claimgraph_ledger::{Ledger, RelationFilter};

fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(args.next().ok_or("usage: querybench DB [--samples N] [--seed S] [--limit L]")?);
    let (mut samples, mut seed, mut limit) = (500usize, 1u64, 20usize);
    while let Some(a) = args.next() {
        let v = args.next().ok_or("missing value")?;
        match a.as_str() {
            "--samples" => samples = v.parse()?,
            "--seed" => seed = v.parse()?,
            "--limit" => limit = v.parse()?,
            _ => return Err(format!("unknown argument {a}").into()),
        }
    }
    // Migrate an older file first (a read-only handle refuses to).
    drop(Ledger::open(&db)?);
    let ledger = Ledger::open_read_only(&db)?;
    let stats = ledger.stats()?;
    let ids: Vec<String> = {
        let mut st = ledger.connection().prepare("SELECT id FROM entities WHERE merged_into IS NULL ORDER BY rowid")?;
        let rows = st.query_map([], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut rng = Rng::new(seed);
    let (mut page_ms, mut conflict_ms) = (Vec::new(), Vec::new());
    let (mut page_rows, mut conflict_rows) = (0usize, 0usize);
    for _ in 0..samples {
        let id = &ids[rng.below(ids.len())];
        let t = Instant::now();
        let page = ledger.entity_page(id, limit)?;
        page_ms.push(t.elapsed().as_secs_f64() * 1e3);
        page_rows += page.claims_by.len() + page.claims_about.len() + page.relations.len();
        let t = Instant::now();
        let rels =
            ledger.relations(&RelationFilter { entity: Some(id.clone()), limit: Some(limit), ..Default::default() })?;
        conflict_ms.push(t.elapsed().as_secs_f64() * 1e3);
        conflict_rows += rels.len();
    }
    // The heaviest entities (most documents) separately: a country in a
    // war ledger is on most pages.
    let heavy: Vec<String> = {
        let mut st = ledger.connection().prepare(
            "SELECT e.id FROM entities e WHERE e.merged_into IS NULL
             ORDER BY (SELECT count(*) FROM claim_about a WHERE a.entity = e.rowid) DESC LIMIT 5",
        )?;
        let rows = st.query_map([], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut heavy_report = Vec::new();
    for id in &heavy {
        let t = Instant::now();
        let page = ledger.entity_page(id, limit)?;
        let page_t = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        ledger.relations(&RelationFilter { entity: Some(id.clone()), limit: Some(limit), ..Default::default() })?;
        let rel_t = t.elapsed().as_secs_f64() * 1e3;
        heavy_report.push(serde_json::json!({
            "entity": page.entity.name, "claims_about": page.entity.claims_about, "documents": page.entity.documents,
            "entity_page_ms": page_t, "conflicts_ms": rel_t,
        }));
    }
    page_ms.sort_by(f64::total_cmp);
    conflict_ms.sort_by(f64::total_cmp);
    let report = serde_json::json!({
        "db": db.display().to_string(),
        "documents": stats.documents, "claims": stats.claims, "entities": stats.entities,
        "relations": stats.contradicts + stats.corroborates,
        "samples": samples, "limit": limit,
        "entity_page_ms": {"p50": pct(&page_ms, 0.5), "p90": pct(&page_ms, 0.9), "p99": pct(&page_ms, 0.99), "max": pct(&page_ms, 1.0)},
        "conflicts_ms": {"p50": pct(&conflict_ms, 0.5), "p90": pct(&conflict_ms, 0.9), "p99": pct(&conflict_ms, 0.99), "max": pct(&conflict_ms, 1.0)},
        "rows_per_page": page_rows as f64 / samples as f64,
        "relations_per_conflicts_query": conflict_rows as f64 / samples as f64,
        "heaviest_entities": heavy_report,
    });
    println!("{report}");
    Ok(())
}
