//! Format sniffing and gzip detection (the stdin path) on any bytes.
#![no_main]

use std::io::Cursor;

use claimgraph::input::read_stream;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for doc in read_stream("-".into(), None, Box::new(Cursor::new(data.to_vec())), None) {
        let _ = doc;
    }
});
