//! Decompresses the bodies of the shipped model files (`models/tagger.bin`,
//! `parser.bin`, `ner.bin`) into `OUT_DIR`, so that the binary carries them
//! ready to decode: inflating about 10 MB took a third of the start-up of
//! every run (see `core::shipped_body`). The model files themselves are
//! embedded unchanged as well. When a file cannot be read or inflated the
//! body written is empty and the models are decompressed at run time as
//! before, so a build never fails here.

use std::path::PathBuf;

include!("build_inflate.rs");

fn main() {
    let (Some(manifest), Some(out)) = (std::env::var_os("CARGO_MANIFEST_DIR"), std::env::var_os("OUT_DIR")) else {
        return;
    };
    let models = PathBuf::from(manifest).join("../../models");
    for name in ["tagger", "parser", "ner"] {
        let src = models.join(format!("{name}.bin"));
        println!("cargo:rerun-if-changed={}", src.display());
        let body = std::fs::read(&src).ok().and_then(|f| inflate_body(&f)).unwrap_or_default();
        if let Err(e) = std::fs::write(PathBuf::from(&out).join(format!("{name}.body")), body) {
            println!("cargo:warning=could not write the inflated {name} model: {e}");
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}
