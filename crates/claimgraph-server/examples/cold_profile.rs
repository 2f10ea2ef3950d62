//! Where the time of an uncached entity page or search goes: times each
//! part of the answer (ledger reads, JSON, deflate) over URLs from
//! `bench/web_load.sh`'s path files, one at a time, on one connection.
//!
//!   cargo run --release -p claimgraph-server --example cold_profile -- DB entity.paths search.paths [N]
//!
//! Times are the thread's CPU time (`/proc/thread-self/schedstat`, in
//! nanoseconds), not wall time: on a machine shared with other jobs, wall
//! time counts the waits for a core as well.

use std::io::BufRead;
use std::path::PathBuf;
use std::time::Duration;

use claimgraph_ledger::{ClaimFilter, Ledger, RelationFilter};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let db = PathBuf::from(&args[0]);
    let n: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(300);
    let ledger = Ledger::open_read_only(&db)?;
    let read = |p: &str| -> anyhow::Result<Vec<String>> {
        Ok(std::io::BufReader::new(std::fs::File::open(p)?).lines().take(n).collect::<Result<_, _>>()?)
    };
    let mut t = [Duration::ZERO; 8];
    let ids: Vec<String> = read(&args[1])?
        .iter()
        .filter_map(|p| p.strip_prefix("/api/entities/").and_then(|s| s.split('?').next()).map(str::to_string))
        .collect();
    let mut bytes = 0;
    // As the server compresses a missed answer: one deflate state reused.
    let mut z = zlib_rs::Deflate::new(1, false, 15);
    // The same with flate2's default backend (the server's before zlib-rs).
    let mut m = flate2::Compress::new(flate2::Compression::fast(), false);
    let mut sizes = (0, 0);
    for id in &ids {
        let s = Clock::now();
        let e = ledger.find_entities(id)?;
        t[0] += s.elapsed();
        let s = Clock::now();
        ledger.claims(&ClaimFilter { speaker: Some(id.clone()), limit: Some(25), ..Default::default() })?;
        t[1] += s.elapsed();
        let s = Clock::now();
        ledger.claims(&ClaimFilter { about: Some(id.clone()), limit: Some(25), ..Default::default() })?;
        t[2] += s.elapsed();
        let s = Clock::now();
        ledger.relations(&RelationFilter { entity: Some(id.clone()), limit: Some(25), ..Default::default() })?;
        t[3] += s.elapsed();
        let s = Clock::now();
        let page = ledger.entity_page(id, 25)?;
        t[4] += s.elapsed();
        let s = Clock::now();
        let json = serde_json::to_vec(&page)?;
        t[5] += s.elapsed();
        let s = Clock::now();
        let gz = deflate(&mut z, &json)?;
        t[6] += s.elapsed();
        let s = Clock::now();
        let gz_miniz = deflate_miniz(&mut m, &json)?;
        t[7] += s.elapsed();
        bytes += json.len();
        sizes.0 += gz.len();
        sizes.1 += gz_miniz.len();
        let _ = e;
    }
    let k = ids.len().max(1) as u32;
    println!(
        "entity pages ({k}, first pass = cold): summary {:?}  by {:?}  about {:?}  relations {:?}  | page again (warm) {:?}  json {:?} ({} B)  deflate {:?} ({} B; miniz_oxide {:?}, {} B)",
        t[0] / k,
        t[1] / k,
        t[2] / k,
        t[3] / k,
        t[4] / k,
        t[5] / k,
        bytes / k as usize,
        t[6] / k,
        sizes.0 / k as usize,
        t[7] / k,
        sizes.1 / k as usize
    );
    let terms: Vec<String> = read(&args[2])?
        .iter()
        .filter_map(|p| p.split("q=").nth(1).and_then(|q| q.split('&').next()).map(|q| q.replace('+', " ")))
        .collect();
    let mut t = [Duration::ZERO; 5];
    for q in &terms {
        let q = percent(q);
        let s = Clock::now();
        ledger.entities(Some(&q), Some(10))?;
        t[0] += s.elapsed();
        let s = Clock::now();
        let c = ledger.search(&q, 50)?;
        t[1] += s.elapsed();
        let s = Clock::now();
        let json = serde_json::to_vec(&c)?;
        t[2] += s.elapsed();
        let s = Clock::now();
        deflate(&mut z, &json)?;
        t[3] += s.elapsed();
        let s = Clock::now();
        deflate_miniz(&mut m, &json)?;
        t[4] += s.elapsed();
    }
    let k = terms.len().max(1) as u32;
    println!(
        "searches ({k}): entities {:?}  claims {:?}  json {:?}  deflate {:?} (miniz_oxide {:?})",
        t[0] / k,
        t[1] / k,
        t[2] / k,
        t[3] / k,
        t[4] / k
    );
    Ok(())
}

/// Raw deflate of `data` at the fastest level with a reused state, as the
/// server's answer cache does (its gzip header and CRC aside).
fn deflate(z: &mut zlib_rs::Deflate, data: &[u8]) -> anyhow::Result<Vec<u8>> {
    z.reset();
    let mut out = vec![0u8; data.len() / 4 + 1024];
    loop {
        let (done, written) = (z.total_in() as usize, z.total_out() as usize);
        if out.len() - written < 1024 {
            out.resize(out.len() * 2, 0);
        }
        let status = z
            .compress(&data[done..], &mut out[written..], zlib_rs::DeflateFlush::Finish)
            .map_err(|e| anyhow::anyhow!("deflate: {}", e.as_str()))?;
        if status == zlib_rs::Status::StreamEnd {
            break;
        }
    }
    out.truncate(z.total_out() as usize);
    Ok(out)
}

/// [`deflate`] with flate2's default backend (miniz_oxide), a reused state.
fn deflate_miniz(m: &mut flate2::Compress, data: &[u8]) -> anyhow::Result<Vec<u8>> {
    m.reset();
    let mut out = Vec::with_capacity(data.len() / 4 + 1024);
    loop {
        if out.capacity() - out.len() < 1024 {
            out.reserve(out.capacity());
        }
        let done = m.total_in() as usize;
        if m.compress_vec(&data[done..], &mut out, flate2::FlushCompress::Finish)? == flate2::Status::StreamEnd {
            break;
        }
    }
    Ok(out)
}

/// The calling thread's CPU time so far: the first field of
/// `/proc/thread-self/schedstat` (nanoseconds run); zero where it cannot
/// be read.
struct Clock(u64);

impl Clock {
    fn now() -> Clock {
        let ns = std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse().ok()))
            .unwrap_or(0);
        Clock(ns)
    }

    fn elapsed(&self) -> Duration {
        Duration::from_nanos(Clock::now().0.saturating_sub(self.0))
    }
}

fn percent(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
