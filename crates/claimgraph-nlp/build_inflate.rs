// Shared by the build scripts of claimgraph-nlp and claimgraph (each
// `include!`s this file): both inflate shipped model bodies at build time,
// and the model file's header is read one way only.

/// The magic bytes of a claimgraph model file (see
/// `claimgraph-nlp/src/format.rs`).
const MAGIC: &[u8; 8] = b"CGNLPMDL";

/// The DEFLATE body of a model file, inflated; `None` when the file is no
/// model file or its body does not inflate.
fn inflate_body(file: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    if file.len() < MAGIC.len() + 5 || &file[..MAGIC.len()] != MAGIC {
        return None;
    }
    let start = MAGIC.len() + 1 + file[MAGIC.len()] as usize + 4;
    let mut body = Vec::new();
    flate2::read::DeflateDecoder::new(file.get(start..)?).read_to_end(&mut body).ok()?;
    Some(body)
}
