//! The jsonl reader, then cleaning of every document it yields, on any bytes.
#![no_main]

use claimgraph::clean::clean;
use claimgraph::input::{read_bytes, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for doc in read_bytes("fuzz", Format::Jsonl, data.to_vec()) {
        let _ = doc.and_then(clean);
    }
});
