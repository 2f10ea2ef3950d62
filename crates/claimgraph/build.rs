//! Decompresses the body of the shipped attribution model
//! (`models/attribution.bin`) into `OUT_DIR`, so that the binary carries it
//! ready to decode: inflating it took about a third of the model's loading
//! on every run (see `attribution::learned::model`), as the linguistic
//! core's models did before `claimgraph-nlp/build.rs`. The model file itself
//! is embedded unchanged as well. When the file cannot be read or inflated
//! the body written is empty and the model is decompressed at run time, so
//! a build never fails here.

use std::path::PathBuf;

include!("../claimgraph-nlp/build_inflate.rs");

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
