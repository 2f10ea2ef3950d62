//! Decompresses the body of the shipped attribution model
//! (`models/attribution.bin`) into `OUT_DIR`, so that the binary carries it
//! ready to decode: inflating it took about a third of the model's loading
//! on every run (see `attribution::learned::model`), as the linguistic
//! core's models did before `claimgraph-nlp/build.rs`. The model file itself
//! is embedded unchanged as well. When the file cannot be read or inflated
//! the body written is empty and the model is decompressed at run time, so
//! a build never fails here.

use std::io::Read;
use std::path::PathBuf;

/// The magic bytes of a claimgraph model file (see
/// `claimgraph-nlp/src/format.rs`).
const MAGIC: &[u8; 8] = b"CGNLPMDL";

/// The DEFLATE body of a model file, inflated.
fn inflate_body(file: &[u8]) -> Option<Vec<u8>> {
    if file.len() < MAGIC.len() + 5 || &file[..MAGIC.len()] != MAGIC {
        return None;
    }
    let start = MAGIC.len() + 1 + file[MAGIC.len()] as usize + 4;
    let mut body = Vec::new();
    flate2::read::DeflateDecoder::new(file.get(start..)?).read_to_end(&mut body).ok()?;
    Some(body)
}

fn main() {
    let (Some(manifest), Some(out)) = (std::env::var_os("CARGO_MANIFEST_DIR"), std::env::var_os("OUT_DIR")) else {
        return;
    };
    let src = PathBuf::from(manifest).join("../../models/attribution.bin");
    println!("cargo:rerun-if-changed={}", src.display());
    let body = std::fs::read(&src).ok().and_then(|f| inflate_body(&f)).unwrap_or_default();
    if let Err(e) = std::fs::write(PathBuf::from(&out).join("attribution.body"), body) {
        println!("cargo:warning=could not write the inflated attribution model: {e}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
